package com.housecall.events.phi;

/** Sealed data that cannot be opened: wrong key, altered bytes, or not sealed at all. Names no value. */
public class SealedDataException extends RuntimeException {

    public SealedDataException(String safeMessage) {
        super(safeMessage);
    }
}
