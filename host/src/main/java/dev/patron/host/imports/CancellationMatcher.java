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

    /**
     * The refunds that cover as much of the cancellation as the customer's earlier orders allow.
     * The candidates are walked newest first: those holding a returned stock code give at once,
     * the others are kept for after. An order's lines are read only when the walk reaches it, so
     * a return of last week's purchase never reads the lines of a customer's hundreds of older orders.
     */
    List<Share> shares(Connection c, CancellationItem cancellation) throws SQLException {
        record Candidate(String orderId, long remaining) {
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
                        candidates.add(new Candidate(rs.getString(1), remaining));
                    }
                }
            }
        }
        List<Share> shares = new ArrayList<>();
        List<Candidate> others = new ArrayList<>();
        long left = cancellation.valueMinor();
        for (Candidate candidate : candidates) {
            if (left == 0) {
                return shares;
            }
            if (!needles.isEmpty() && holdsAny(lines(c, candidate.orderId()), needles)) {
                long take = Math.min(left, candidate.remaining());
                shares.add(new Share(candidate.orderId(), take));
                left -= take;
            } else {
                others.add(candidate);
            }
        }
        for (Candidate candidate : others) {
            if (left == 0) {
                break;
            }
            long take = Math.min(left, candidate.remaining());
            shares.add(new Share(candidate.orderId(), take));
            left -= take;
        }
        return shares;
    }

    private static String lines(Connection c, String orderId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(SQL.get("orderLines"))) {
            select.setString(1, orderId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /**
     * Whether stored order lines hold one of the skus. Searches the JSON text the repository wrote
     * ({@code {"sku":"85123A",...}}) for {@code "sku":<the sku as JSON>} instead of parsing it:
     * parsing every order looked at cost a fifth of an import of the UCI file.
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
