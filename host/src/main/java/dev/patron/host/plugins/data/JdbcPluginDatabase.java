package dev.patron.host.plugins.data;

import dev.patron.api.data.PluginDatabase;
import dev.patron.api.data.Row;
import dev.patron.api.data.RowMapper;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A plugin's view of one JDBC connection for the length of one call. After {@link #revoke()} every
 * use fails, so plugin code that kept the handle (or a thread that overran its time limit) can
 * never write into a later transaction.
 */
public final class JdbcPluginDatabase implements PluginDatabase {

    private static final int FETCH_SIZE = 1_000;

    private final Connection connection;
    private final boolean writable;
    private final String pluginId;
    private volatile boolean revoked;

    public JdbcPluginDatabase(Connection connection, boolean writable, String pluginId) {
        this.connection = connection;
        this.writable = writable;
        this.pluginId = pluginId;
    }

    /** Ends this handle's life; later calls throw. */
    public void revoke() {
        revoked = true;
    }

    @Override
    public boolean writable() {
        return writable;
    }

    @Override
    public int update(String sql, Object... parameters) {
        checkUsable(true);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    @Override
    public int[] batch(String sql, List<Object[]> parameterLists) {
        checkUsable(true);
        if (parameterLists.isEmpty()) {
            return new int[0];
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Object[] parameters : parameterLists) {
                bind(statement, parameters);
                statement.addBatch();
            }
            return statement.executeBatch();
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    @Override
    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... parameters) {
        checkUsable(false);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rs = statement.executeQuery()) {
                List<T> rows = new ArrayList<>();
                Row row = new ResultSetRow(rs);
                while (rs.next()) {
                    rows.add(mapper.map(row));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    /** Reads through the driver's cursor, a batch of rows at a time, keeping none. */
    @Override
    public long forEach(String sql, Consumer<Row> action, Object... parameters) {
        checkUsable(false);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(FETCH_SIZE);
            bind(statement, parameters);
            try (ResultSet rs = statement.executeQuery()) {
                long rows = 0;
                Row row = new ResultSetRow(rs);
                while (rs.next()) {
                    checkUsable(false);
                    action.accept(row);
                    rows++;
                }
                return rows;
            }
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    private void checkUsable(boolean write) {
        if (revoked) {
            throw new IllegalStateException("plugin " + pluginId + " used a database handle after its call ended;"
                    + " handles are valid only inside the call that received them");
        }
        if (write && !writable) {
            throw new IllegalStateException("plugin " + pluginId + " tried to write through a read-only handle;"
                    + " write from an event handler or PluginStore.write");
        }
    }

    private RuntimeException failure(String sql, SQLException e) {
        return new IllegalStateException("plugin " + pluginId + ": SQL failed (" + e.getMessage() + "): " + sql, e);
    }

    /** Binds values: strings, whole and decimal numbers, booleans (as 0/1), instants (epoch millis), dates (ISO text), null. */
    static void bind(PreparedStatement statement, Object[] parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            int index = i + 1;
            if (value == null) {
                statement.setNull(index, Types.NULL);
            } else if (value instanceof String s) {
                statement.setString(index, s);
            } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
                statement.setLong(index, ((Number) value).longValue());
            } else if (value instanceof Double || value instanceof Float) {
                statement.setDouble(index, ((Number) value).doubleValue());
            } else if (value instanceof BigDecimal d) {
                statement.setBigDecimal(index, d);
            } else if (value instanceof Boolean b) {
                statement.setInt(index, b ? 1 : 0);
            } else if (value instanceof Instant instant) {
                statement.setLong(index, instant.toEpochMilli());
            } else if (value instanceof LocalDate date) {
                statement.setString(index, date.toString());
            } else {
                throw new IllegalArgumentException("parameter " + index + " has unsupported type " + value.getClass().getName()
                        + "; pass String, a number, Boolean, Instant, LocalDate or null");
            }
        }
    }

    /** Reads the current row of a result set by column label. */
    private static final class ResultSetRow implements Row {
        private final ResultSet rs;

        ResultSetRow(ResultSet rs) {
            this.rs = rs;
        }

        @Override
        public String text(String column) {
            try {
                return rs.getString(column);
            } catch (SQLException e) {
                throw new IllegalArgumentException("no column " + column + ": " + e.getMessage(), e);
            }
        }

        @Override
        public Long whole(String column) {
            try {
                long value = rs.getLong(column);
                return rs.wasNull() ? null : value;
            } catch (SQLException e) {
                throw new IllegalArgumentException("no whole-number column " + column + ": " + e.getMessage(), e);
            }
        }

        @Override
        public Double decimal(String column) {
            try {
                double value = rs.getDouble(column);
                return rs.wasNull() ? null : value;
            } catch (SQLException e) {
                throw new IllegalArgumentException("no number column " + column + ": " + e.getMessage(), e);
            }
        }

        @Override
        public Boolean bool(String column) {
            String text = text(column);
            if (text == null) {
                return null;
            }
            // 0/1 integers (the portable way), or a PostgreSQL boolean, which reads as "t"/"f".
            return text.equals("1") || text.equalsIgnoreCase("true") || text.equals("t");
        }
    }
}
