package dev.patron.host.shop;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A hash of an order's or refund's content. Ids are idempotency keys: a write whose id is stored
 * with the same fingerprint is a retry and changes nothing; with another fingerprint it is a
 * conflict.
 */
final class Fingerprint {

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(Fingerprint::sha256Digest);

    private Fingerprint() {
    }

    /** The fingerprint of an order's content (all but its id). */
    static String of(Order o) {
        StringBuilder text = new StringBuilder()
                .append(o.customerId()).append('\u0000')
                .append(o.placedAt().toEpochMilli()).append('\u0000')
                .append(o.amountMinor()).append('\u0000')
                .append(o.currency()).append('\u0000')
                .append(o.channel() == null ? "" : o.channel());
        for (OrderLine line : o.lines()) {
            text.append('\u0000').append(line.sku()).append('\u0001').append(line.quantity())
                    .append('\u0001').append(line.unitPriceMinor());
        }
        return sha256(text.toString());
    }

    static String of(Refund r) {
        return sha256(r.orderId() + '\u0000' + r.amountMinor() + '\u0000' + r.refundedAt().toEpochMilli());
    }

    private static String sha256(String text) {
        byte[] digest = SHA_256.get().digest(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 16);
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
