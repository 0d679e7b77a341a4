package dev.patron.plugin.loyalty;

/**
 * Why a ledger entry exists, as recorded with it.
 *
 * @param orderId the order that earned or was refunded; null otherwise
 * @param refundId the refund that reversed points; null otherwise
 * @param actor the staff user or API token that redeemed or adjusted; null for the system
 * @param reason what staff wrote; null for the system
 * @param amountMinor the order amount (earn) or refund amount (reverse), minor units; null otherwise
 * @param detail how the points were computed, for the statement
 */
record Cause(String orderId, String refundId, String actor, String reason, Long amountMinor, String detail) {

    static Cause detail(String detail) {
        return new Cause(null, null, null, null, null, detail);
    }

    static Cause staff(String actor, String reason) {
        return new Cause(null, null, actor, reason, null, null);
    }
}
