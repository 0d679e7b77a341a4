package dev.patron.plugin.clv;

import dev.patron.api.data.PluginStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of the customer panel ({@code templates/clv/panel.ftlh}): the customer's CLV scores
 * as the last scoring run (or re-scoring) stored them in the host's {@code scores} table, each
 * with its value formatted and its explanation.
 */
final class CustomerPanel {

    private record Row(String name, Double value, String explanation) {
    }

    private CustomerPanel() {
    }

    /** The panel rows of {@code customerId}, clv first; empty when the customer has no CLV scores. */
    static List<Map<String, Object>> rows(PluginStore store, String pluginId, String customerId, Decimals decimals,
                                          String currency) {
        List<Row> rows = new ArrayList<>(store.read(db -> db.query(
                "SELECT name, value, explanation FROM scores WHERE customer_id = ? AND plugin_id = ?",
                r -> new Row(r.text("name"), r.decimal("value"), r.text("explanation")), customerId, pluginId)));
        rows.sort(Comparator.comparingInt(CustomerPanel::order).thenComparing(Row::name));
        List<Map<String, Object>> view = new ArrayList<>();
        for (Row row : rows) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", row.name());
            item.put("key", messageKey(row.name()));
            item.put("days", horizonDays(row.name()));
            item.put("value", format(row, decimals, currency));
            if (row.value() != null && (order(row) == 0 || order(row) == 3)) {
                // The amount in major units, for the console to write in the reader's language (fmt.moneyMajor).
                item.put("amount", decimals.roundMoney(row.value()));
            }
            item.put("explanation", row.explanation());
            view.add(item);
        }
        return view;
    }

    private static int order(Row row) {
        String name = row.name();
        if (name.equals(ClvScorer.CLV)) {
            return 0;
        }
        if (name.equals(ClvScorer.P_ALIVE)) {
            return 1;
        }
        if (name.startsWith("expected_purchases_")) {
            return 2;
        }
        return name.equals(ClvScorer.EXPECTED_ORDER_VALUE) ? 3 : 4;
    }

    private static String messageKey(String name) {
        if (name.equals(ClvScorer.CLV)) {
            return "clv.score.clv";
        }
        if (name.equals(ClvScorer.P_ALIVE)) {
            return "clv.score.pAlive";
        }
        if (name.startsWith("expected_purchases_")) {
            return "clv.score.expectedPurchases";
        }
        if (name.equals(ClvScorer.EXPECTED_ORDER_VALUE)) {
            return "clv.score.expectedOrderValue";
        }
        return name;
    }

    /** The horizon in days from {@code expected_purchases_365d}, as text; empty for other scores. */
    private static String horizonDays(String name) {
        if (name.startsWith("expected_purchases_") && name.endsWith("d")) {
            return name.substring("expected_purchases_".length(), name.length() - 1);
        }
        return "";
    }

    private static String format(Row row, Decimals decimals, String currency) {
        if (row.value() == null) {
            return "—";
        }
        double value = row.value();
        return switch (order(row)) {
            case 0, 3 -> decimals.money(value) + " " + currency;
            case 1 -> Decimals.fixed(100 * value, 0) + "%";
            default -> Decimals.fixed(value, 2);
        };
    }
}
