package dev.patron.host.auth;

import java.util.Locale;

/** What someone may do, each role including the ones below it. */
public enum Role {
    /** Reads everything. */
    VIEWER,
    /** Also writes shop data, redeems points, handles alerts and leads, starts scoring runs. */
    STAFF,
    /** Also manages plugins, settings, users, tokens and imports. */
    ADMIN;

    public boolean includes(Role other) {
        return ordinal() >= other.ordinal();
    }

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses admin, staff or viewer; throws with the allowed values otherwise. */
    public static Role parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("role '" + text + "' is not one of admin, staff, viewer");
        }
    }
}
