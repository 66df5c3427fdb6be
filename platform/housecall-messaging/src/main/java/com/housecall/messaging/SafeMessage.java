package com.housecall.messaging;

/** Marks an exception whose message holds no PHI, payload value or class name, so logs and dead letters may show it. */
public interface SafeMessage {
}
