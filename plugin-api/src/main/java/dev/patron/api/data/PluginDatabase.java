package dev.patron.api.data;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * SQL access for one plugin, on a connection the host opened. Statements are always prepared;
 * pass values as parameters, never by string concatenation. A plugin reads and writes only its
 * own tables (named {@code <plugin id with '-' as '_'>_...}, created by its migrations) and reads
 * the host's documented tables ({@code customers}, {@code orders}, {@code refunds}, {@code scores}).
 * Keep SQL to the subset SQLite and PostgreSQL share.
 *
 * <p>A handle is valid only inside the call that received it; using it afterwards fails. Not
 * thread-safe.
 */
public interface PluginDatabase {

    /** Runs an INSERT, UPDATE or DELETE; returns the number of rows changed. */
    int update(String sql, Object... parameters);

    /** Runs one statement for each parameter list in one batch; returns the rows changed per list. */
    int[] batch(String sql, List<Object[]> parameterLists);

    /** Runs a query and maps every row. */
    <T> List<T> query(String sql, RowMapper<T> mapper, Object... parameters);

    /** Runs a query expected to return at most one row. */
    default <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... parameters) {
        List<T> rows = query(sql, mapper, parameters);
        if (rows.size() > 1) {
            throw new IllegalStateException("expected at most one row, got " + rows.size() + " from: " + sql);
        }
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /**
     * Runs a query and hands each row to {@code action} as the cursor reaches it, without keeping
     * the rows: for reading more rows than fit in memory (a {@link dev.patron.api.exports.DataExport}).
     * The {@link Row} is the cursor's current row, valid only inside {@code action}; copy what you
     * keep. The host's handles read through a database cursor; this default, for other
     * implementations, reads through {@link #query}.
     *
     * @return the number of rows read
     * @since 1.1.0
     */
    default long forEach(String sql, Consumer<Row> action, Object... parameters) {
        return query(sql, row -> {
            action.accept(row);
            return Boolean.TRUE;
        }, parameters).size();
    }

    /** Whether this handle writes inside a transaction (true for event handlers and {@link PluginStore#write}). */
    boolean writable();
}
