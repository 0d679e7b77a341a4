package dev.patron.plugin.lead;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Where sales stands with a lead. A lead nobody has touched is {@link #NEW}. */
enum FollowUpStatus {
    NEW, CONTACTED, NURTURING, CONVERTED, DROPPED;

    /** The stored and API form, e.g. {@code contacted}. */
    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status with this code (trimmed, any case), or null. */
    static FollowUpStatus fromCode(String code) {
        if (code == null) {
            return null;
        }
        String normalised = code.trim().toLowerCase(Locale.ROOT);
        for (FollowUpStatus status : values()) {
            if (status.code().equals(normalised)) {
                return status;
            }
        }
        return null;
    }

    static List<String> codes() {
        return Arrays.stream(values()).map(FollowUpStatus::code).toList();
    }
}
