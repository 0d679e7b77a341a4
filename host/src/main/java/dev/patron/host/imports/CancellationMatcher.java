package dev.patron.host.imports;

import dev.patron.host.imports.ImportItem.CancellationItem;
import dev.patron.host.store.Sql;
import io.vertx.core.json.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides which earlier orders a cancellation invoice refunds. The rule:
 * <ol>
 * <li>candidates are the customer's stored orders placed at or before the cancellation, with
 *     something left to refund;</li>
 * <li>orders holding one of the returned stock codes come first, newest first; then the
 *     customer's other orders, newest first;</li>
 * <li>each takes at most what is left to refund on it, until the cancellation's value is
 *     covered; what no order can take is reported, never refunded.</li>
 * </ol>
 * So a refund never exceeds what an order paid (earlier refunds included), and no value is
 * counted twice. The refunds get the ids {@code <invoice>:<order>}; a cancellation with any such
 * refund stored is not matched again, which keeps re-imports from changing anything.
 */
final class CancellationMatcher {

    private static final Sql SQL = Sql.load("sql/imports.sql");

    /** One refund to make: {@code amountMinor} of order {@code orderId}. */
    record Share(String orderId, long amountMinor) {
    }

    /** Refunds a cancellation already made (0 when it was never matched). */
    long existingRefunds(Connection c, String invoiceId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(SQL.get("refundsOfCancellation"))) {
            select.setString(1, invoiceId + ":");
            select.setString(2, invoiceId + ";");
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The refunds that cover as much of the cancellation as the customer's earlier orders allow. */
    List<Share> shares(Connection c, CancellationItem cancellation) throws SQLException {
        record Candidate(String orderId, long remaining, boolean holdsReturnedGoods) {
        }
        List<String> needles = cancellation.skus().stream().map(sku -> "\"sku\":" + Json.encode(sku)).toList();
        List<Candidate> candidates = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(SQL.get("ordersToRefund"))) {
            select.setString(1, cancellation.customerId());
            select.setLong(2, cancellation.at().toEpochMilli());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    long remaining = rs.getLong(2);
                    if (remaining > 0) {
                        candidates.add(new Candidate(rs.getString(1), remaining, holdsAny(rs.getString(3), needles)));
                    }
                }
            }
        }
        List<Share> shares = new ArrayList<>();
        long left = cancellation.valueMinor();
        for (boolean preferred : new boolean[] {true, false}) {
            for (Candidate candidate : candidates) {
                if (left == 0) {
                    return shares;
                }
                if (candidate.holdsReturnedGoods() == preferred) {
                    long take = Math.min(left, candidate.remaining());
                    shares.add(new Share(candidate.orderId(), take));
                    left -= take;
                }
            }
        }
        return shares;
    }

    /**
     * Whether stored order lines hold one of the skus. Searches the JSON text the repository wrote
     * ({@code {"sku":"85123A",...}}) for {@code "sku":<the sku as JSON>} instead of parsing it: a
     * customer's every earlier order is looked at for every cancellation, and parsing them all
     * cost a fifth of an import of the UCI file.
     */
    private static boolean holdsAny(String linesJson, List<String> needles) {
        if (linesJson == null) {
            return false;
        }
        for (String needle : needles) {
            if (linesJson.contains(needle)) {
                return true;
            }
        }
        return false;
    }
}
