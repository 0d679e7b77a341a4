package dev.patron.host.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named SQL statements read from a resource file, so SQL lives in {@code .sql} files next to the
 * code and not in Java strings. A statement starts with a line {@code -- name: someName} and runs
 * to the next such line. A statement written differently for one dialect follows its common form
 * as {@code -- name: someName@postgresql}; {@link #get(String, Dialect)} picks it on that dialect.
 */
public final class Sql {

    private final String resource;
    private final Map<String, String> statements;

    private Sql(String resource, Map<String, String> statements) {
        this.resource = resource;
        this.statements = statements;
    }

    /** Loads {@code resource} (a classpath path such as {@code sql/shop.sql}). */
    public static Sql load(String resource) {
        try (InputStream in = Sql.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("SQL resource " + resource + " is missing from the host jar");
            }
            return new Sql(resource, parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The statement called {@code name}; fails fast on a typo. */
    public String get(String name) {
        String sql = statements.get(name);
        if (sql == null) {
            throw new IllegalArgumentException("no statement '" + name + "' in " + resource);
        }
        return sql;
    }

    /** Values per {@code IN (:ids)} list: far below SQLite's and PostgreSQL's parameter limits. */
    public static final int IDS_PER_STATEMENT = 500;

    /** The statement with its {@code :ids} expanded to {@code count} placeholders. */
    public String withIds(String name, int count) {
        if (count < 1 || count > IDS_PER_STATEMENT) {
            throw new IllegalArgumentException("an id list holds 1 to " + IDS_PER_STATEMENT + " ids, not " + count);
        }
        return get(name).replace(":ids", String.join(", ", java.util.Collections.nCopies(count, "?")));
    }

    /** The statement called {@code name} as written for {@code dialect}: its variant if it has one, else the common form. */
    public String get(String name, Dialect dialect) {
        String variant = statements.get(name + "@" + dialect.name());
        return variant != null ? variant : get(name);
    }

    /** Every statement's name, variants included ({@code name@dialect}), in file order. */
    public java.util.Set<String> names() {
        return java.util.Collections.unmodifiableSet(statements.keySet());
    }

    static Map<String, String> parse(String text) {
        Map<String, String> result = new LinkedHashMap<>();
        String name = null;
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\r?\n")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("-- name:")) {
                if (name != null) {
                    result.put(name, clean(body));
                }
                name = trimmed.substring("-- name:".length()).trim();
                body.setLength(0);
            } else if (!trimmed.startsWith("--") && name != null) {
                body.append(line).append('\n');
            }
        }
        if (name != null) {
            result.put(name, clean(body));
        }
        return result;
    }

    private static String clean(StringBuilder body) {
        String sql = body.toString().trim();
        return sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql;
    }
}
