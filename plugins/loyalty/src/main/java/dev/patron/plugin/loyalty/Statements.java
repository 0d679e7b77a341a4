package dev.patron.plugin.loyalty;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The plugin's SQL, kept in {@code sql/loyalty/loyalty.sql} rather than spread over Java strings:
 * statements by name, each after a {@code -- name: x} line. A statement may contain {@code :ids},
 * which {@link #withIds} expands to one placeholder per value; it is always the last parameter.
 */
final class Statements {

    /** Values per {@code IN (...)} list: far below SQLite's and PostgreSQL's parameter limits. */
    static final int CHUNK = 500;

    private static final Statements INSTANCE = load("sql/loyalty/loyalty.sql");

    private final Map<String, String> byName;

    private Statements(Map<String, String> byName) {
        this.byName = byName;
    }

    static String get(String name) {
        String sql = INSTANCE.byName.get(name);
        if (sql == null) {
            throw new IllegalStateException("no statement named " + name + " in sql/loyalty/loyalty.sql");
        }
        return sql;
    }

    /** Every statement's name. */
    static java.util.Set<String> names() {
        return INSTANCE.byName.keySet();
    }

    /** The statement with {@code :ids} expanded for {@code count} values. */
    static String withIds(String name, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("an id list needs at least one id");
        }
        return get(name).replace(":ids", String.join(", ", java.util.Collections.nCopies(count, "?")));
    }

    /** {@code leading} parameters followed by {@code ids}. */
    static Object[] parameters(Collection<?> ids, Object... leading) {
        Object[] all = new Object[leading.length + ids.size()];
        System.arraycopy(leading, 0, all, 0, leading.length);
        int i = leading.length;
        for (Object id : ids) {
            all[i++] = id;
        }
        return all;
    }

    /** {@code values} in lists of at most {@link #CHUNK}. */
    static <T> List<List<T>> chunks(Collection<T> values) {
        List<List<T>> chunks = new ArrayList<>();
        List<T> current = new ArrayList<>();
        for (T value : values) {
            current.add(value);
            if (current.size() == CHUNK) {
                chunks.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }

    private static Statements load(String resource) {
        try (InputStream in = Statements.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the loyalty plugin's jar");
            }
            Map<String, String> byName = new HashMap<>();
            String name = null;
            StringBuilder sql = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n")) {
                if (line.startsWith("-- name:")) {
                    put(byName, name, sql);
                    name = line.substring("-- name:".length()).trim();
                    sql.setLength(0);
                } else if (name != null && !line.startsWith("--")) {
                    sql.append(line).append('\n');
                }
            }
            put(byName, name, sql);
            return new Statements(Map.copyOf(byName));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static void put(Map<String, String> byName, String name, StringBuilder sql) {
        if (name == null) {
            return;
        }
        String text = sql.toString().trim();
        if (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).trim();
        }
        byName.put(name, text);
    }
}
