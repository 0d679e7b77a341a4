package dev.patron.host.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patron.host.shop.CustomerQuery;
import dev.patron.host.store.Dialect;
import dev.patron.host.store.ScratchDatabase;
import dev.patron.host.store.Sql;
import dev.patron.host.store.Store;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every named statement of the host ({@code sql/*.sql}), in the form each dialect runs, is
 * compiled by each database against the migrated schema: a statement that only SQLite accepts
 * (or only PostgreSQL) fails here, with its file and name.
 */
class NamedStatementsContractTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(ScratchDatabase.Kind.class)
    void everyHostStatementCompilesOnEachStore(ScratchDatabase.Kind kind) throws Exception {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        try (ScratchDatabase db = ScratchDatabase.create(kind, dir); Store store = db.migrated()) {
            for (Path file : sqlFiles()) {
                String resource = "sql/" + file.getFileName();
                Sql sql = Sql.load(resource);
                for (String name : sql.names()) {
                    if (name.contains("@") || name.startsWith(FILTER_PREFIX) || name.startsWith(ORDER_PREFIX)) {
                        continue;  // variants are compiled by their dialect; fragments inside the statements using them
                    }
                    for (String text : expansions(sql.get(name, store.dialect()), filters(sql, store), orders(sql, store))) {
                        checked++;
                        String failure = compile(store, text);
                        if (failure != null) {
                            failures.add(resource + " " + name + ": " + failure);
                        }
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(checked).isGreaterThan(100);
    }

    /** The customer list's WHERE fragments ({@code customerFilter.*}), none or all of them as ShopRepository joins them. */
    private static final String FILTER_PREFIX = "customerFilter.";

    /** The customer list's orderings ({@code customerOrder.*}), one per {@link CustomerQuery.Sort}. */
    private static final String ORDER_PREFIX = "customerOrder.";

    private static List<String> orders(Sql sql, Store store) {
        List<String> all = new ArrayList<>();
        for (CustomerQuery.Sort sort : CustomerQuery.Sort.values()) {
            if (sql.names().contains(sort.statement())) {
                all.add(sql.get(sort.statement(), store.dialect()));
            }
        }
        return all;
    }

    private static List<String> filters(Sql sql, Store store) {
        List<String> all = new ArrayList<>();
        for (String name : sql.names()) {
            if (name.startsWith(FILTER_PREFIX) && !name.contains("@")) {
                all.add(sql.get(name, store.dialect()));
            }
        }
        return all.isEmpty() ? List.of("1 = 1") : List.of("1 = 1", String.join("\n  AND ", all));
    }

    /** The statement with its placeholders filled in every way the code fills them. */
    static List<String> expansions(String text, List<String> whereClauses, List<String> orderings) {
        List<String> result = new ArrayList<>();
        if (text.contains("%WHERE%")) {
            for (String where : whereClauses) {
                result.addAll(expansions(text.replace("%WHERE%", where), whereClauses, orderings));
            }
        } else if (text.contains("%ORDER%")) {
            for (String ordering : orderings) {
                result.add(text.replace("%ORDER%", ordering));
            }
        } else if (text.contains("%FILTER%")) {
            result.add(text.replace("%FILTER%", ""));
            result.add(text.replace("%FILTER%", "AND status = ? AND severity = ? AND plugin_id = ? AND customer_id = ?"));
        } else {
            result.add(text.replace(":ids", "?, ?"));
        }
        return result;
    }

    /** Null when the database compiles {@code text}, else its error. */
    static String compile(Store store, String text) {
        try {
            store.read(c -> {
                try (PreparedStatement statement = c.prepareStatement(text)) {
                    if (store.dialect() == Dialect.POSTGRESQL) {
                        // pgjdbc parses on the server only when asked to describe the statement.
                        statement.getParameterMetaData().getParameterCount();
                    }
                }
                return null;
            });
            return null;
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() instanceof SQLException ? e.getCause() : e;
            return cause.getMessage();
        }
    }

    private static List<Path> sqlFiles() throws IOException, URISyntaxException {
        Path folder = Path.of(NamedStatementsContractTest.class.getClassLoader().getResource("sql/").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
    }
}
