package dev.patron.host.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * A view of a connection that prepares each SQL text once and hands the same statement out
 * again, for bulk writers that run the same few statements thousands of times in one
 * transaction (an import chunk): preparing is a good part of a small statement's cost. Code
 * written for a plain connection works unchanged: closing a statement from the view clears its
 * parameters and batch instead, and {@link #close} closes them all.
 *
 * <p>For one thread, and for code that does not run a statement again while it still reads the
 * previous result of the same SQL text.
 */
public final class ReusedStatements implements AutoCloseable {

    private final Connection connection;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();
    private final Connection view;

    public ReusedStatements(Connection connection) {
        this.connection = connection;
        this.view = proxy(Connection.class, connection, this::onConnection);
    }

    /** The connection to hand to the bulk writer. */
    public Connection connection() {
        return view;
    }

    private Object onConnection(Method method, Object[] args) throws Throwable {
        if (method.getName().equals("prepareStatement") && args != null && args.length == 1 && args[0] instanceof String sql) {
            PreparedStatement statement = prepared.get(sql);
            if (statement == null) {
                statement = connection.prepareStatement(sql);
                prepared.put(sql, statement);
            }
            PreparedStatement reused = statement;
            return proxy(PreparedStatement.class, reused, (m, a) -> onStatement(reused, m, a));
        }
        if (method.getName().equals("close")) {
            throw new IllegalStateException("the connection belongs to its transaction; close the ReusedStatements instead");
        }
        return invoke(connection, method, args);
    }

    private static Object onStatement(PreparedStatement statement, Method method, Object[] args) throws Throwable {
        return switch (method.getName()) {
            case "close" -> {
                statement.clearParameters();
                statement.clearBatch();
                yield null;
            }
            case "isClosed" -> false;
            default -> invoke(statement, method, args);
        };
    }

    @Override
    public void close() throws SQLException {
        SQLException failure = null;
        for (PreparedStatement statement : prepared.values()) {
            try {
                statement.close();
            } catch (SQLException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        prepared.clear();
        if (failure != null) {
            throw failure;
        }
    }

    private interface Handler {
        Object handle(Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, Handler handler) {
        InvocationHandler invocation = (self, method, args) -> switch (method.getName()) {
            case "equals" -> self == args[0];
            case "hashCode" -> System.identityHashCode(self);
            case "toString" -> "reused " + target;
            default -> handler.handle(method, args);
        };
        return type.cast(Proxy.newProxyInstance(ReusedStatements.class.getClassLoader(), new Class<?>[] {type}, invocation));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
