package dev.patron.plugin.loyalty;

import java.util.Locale;

/** The kinds of ledger entry. */
enum EntryKind {
    /** An order's points (a lot). */
    EARN,
    /** Points spent by staff for the customer. */
    REDEEM,
    /** A lot's unspent points at its expiry. */
    EXPIRE,
    /** Points taken back because the order was refunded. */
    REVERSE,
    /** A manual correction by staff, either way (a positive one is a lot). */
    ADJUST;

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
