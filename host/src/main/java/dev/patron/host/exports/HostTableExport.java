package dev.patron.host.exports;

import dev.patron.api.exports.ExportRequest;
import dev.patron.host.store.Sql;
import dev.patron.host.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The host's own exports, {@code customers} and {@code scores}: one statement from
 * {@code sql/exports.sql} each, read through one cursor, so a million customers need no more
 * memory than one. Columns ending in {@code At} hold epoch milliseconds and leave as ISO-8601.
 */
final class HostTableExport implements TableExport {

    private static final Sql SQL = Sql.load("sql/exports.sql");

    private final ExportKind kind;
    private final Store store;

    private HostTableExport(ExportKind kind, Store store) {
        this.kind = kind;
        this.store = store;
    }

    /** The host's exports, in the order they are listed. */
    static List<TableExport> all(Store store) {
        return List.of(
                new HostTableExport(new ExportKind("customers", "Every customer's profile and number of orders, by id",
                        List.of("id", "name", "email", "phone", "attributes", "orders"), Set.of(), null), store),
                new HostTableExport(new ExportKind("scores", "Every customer's current scores, by customer, plugin and name",
                        List.of("customerId", "plugin", "name", "value", "label", "explanation", "runId", "computedAt"), Set.of(), null),
                        store));
    }

    @Override
    public ExportKind kind() {
        return kind;
    }

    @Override
    public long writeTo(ExportRequest request, RowWriter out) {
        List<String> columns = kind.columns();
        return store.read(c -> {
            try (PreparedStatement select = c.prepareStatement(SQL.get(kind.name()))) {
                select.setFetchSize(5_000);
                try (ResultSet rs = select.executeQuery()) {
                    long rows = 0;
                    Object[] values = new Object[columns.size()];
                    while (rs.next()) {
                        for (int i = 0; i < values.length; i++) {
                            values[i] = value(rs, columns.get(i), i + 1);
                        }
                        out.row(values);
                        rows++;
                    }
                    return rows;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("the export could not be written: " + e.getMessage(), e);
            }
        });
    }

    private static Object value(ResultSet rs, String column, int index) throws SQLException {
        Object value = rs.getObject(index);
        if (value == null) {
            return null;
        }
        if (column.equals("attributes")) {
            return new JsonText((String) value);
        }
        if (column.endsWith("At") && value instanceof Number millis) {
            return Instant.ofEpochMilli(millis.longValue()).toString();
        }
        return ExportValues.plain(value, column);
    }
}
