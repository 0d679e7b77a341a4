package dev.patron.host.store;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of work on one JDBC connection. */
@FunctionalInterface
public interface SqlWork<T> {
    T apply(Connection connection) throws SQLException;
}
