package com.housecall.security.problem;

import java.util.UUID;

/** Ids in paths: a UUID in its canonical form; a malformed one answers the same 404 as an unknown one. */
public final class PathIds {

    private PathIds() {
    }

    public static UUID uuid(String id) {
        try {
            UUID uuid = UUID.fromString(id);
            if (uuid.toString().equalsIgnoreCase(id)) {
                return uuid;
            }
        } catch (IllegalArgumentException e) {
            // malformed: the same 404 as an unknown id
        }
        throw new NotFoundException();
    }
}
