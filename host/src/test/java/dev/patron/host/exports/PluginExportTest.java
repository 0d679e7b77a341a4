package dev.patron.host.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.patron.api.data.PluginDatabase;
import dev.patron.api.exports.DataExport;
import dev.patron.api.exports.ExportFilter;
import dev.patron.api.exports.ExportRequest;
import dev.patron.api.exports.ExportSink;
import dev.patron.host.plugins.PluginCalls;
import dev.patron.host.plugins.PluginExtension;
import dev.patron.host.shop.InvalidInputException;
import dev.patron.host.store.Store;
import dev.patron.host.store.TestStores;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plugin's export through the host: found by name, checked, streamed, limited in time, its sink revoked. */
class PluginExportTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;

    private Store store;
    private PluginCalls calls;
    private ExportCatalogue catalogue;

    @BeforeEach
    void open() {
        store = TestStores.migrated(dir);
        calls = new PluginCalls();
        catalogue = new ExportCatalogue(store, null, calls, Duration.ofSeconds(2));
    }

    @AfterEach
    void close() {
        calls.close();
        store.close();
    }

    @Test
    void anUnknownKindIsRefusedListingTheKindsThereAre() {
        offer("things", (request, sink) -> sink.row("a", 1));

        UnknownExportException unknown = catchThrowableOfType(UnknownExportException.class,
                () -> exporter().prepare("ledgers", null, null));

        assertThat(unknown.kinds()).containsExactly("customers", "scores", "things");
        assertThat(unknown.getMessage()).startsWith("'ledgers' cannot be exported; choose customers, scores, things.")
                .contains("only while they run");
    }

    @Test
    void theKindOfAPluginThatWentAwayNamesThePlugin() {
        offer("things", (request, sink) -> sink.row("a", 1));
        catalogue.stopped("demo");

        UnknownExportException unknown = catchThrowableOfType(UnknownExportException.class,
                () -> exporter().prepare("things", null, null));

        assertThat(unknown.kinds()).containsExactly("customers", "scores");
        // No plugin host here, so the plugin is not installed; PluginExportIT sees the disabled case.
        assertThat(unknown.getMessage()).endsWith("'things' was the export of plugin demo, which is no longer installed");
    }

    @Test
    void rowsReachTheWriterWhileThePluginIsStillReading() {
        AtomicLong writtenAtHalfway = new AtomicLong();
        CountingWriter out = new CountingWriter();
        offer("things", (request, sink) -> {
            for (int i = 0; i < 20_000; i++) {
                sink.row("row-" + i, i);
                if (i == 10_000) {
                    writtenAtHalfway.set(out.count.get());
                }
            }
        });

        long rows = exporter().prepare("things", null, null).writeTo(Exporter.Format.CSV, out);

        assertThat(rows).isEqualTo(20_000);
        assertThat(writtenAtHalfway.get()).as("characters written before the export ended").isGreaterThan(50_000);
        assertThat(out.count.get()).isGreaterThan(2 * writtenAtHalfway.get() - 1_000);
    }

    @Test
    void thePluginReadsThroughACursorOnAReadOnlyHandle() {
        store.inTransaction(c -> {
            try (var insert = c.prepareStatement("INSERT INTO customers (id, attributes, created_at, updated_at) VALUES (?, '{}', 0, 0)")) {
                for (String id : List.of("c-2", "c-1", "c-3")) {
                    insert.setString(1, id);
                    insert.executeUpdate();
                }
            }
            return null;
        });
        AtomicReference<RuntimeException> writeRefused = new AtomicReference<>();
        assertThat(catalogue.add(extension("demo", new DataExport() {
            public String name() {
                return "ids";
            }

            public String description() {
                return "Customer ids";
            }

            public List<String> columns() {
                return List.of("id", "position");
            }

            public void export(ExportRequest request, PluginDatabase db, ExportSink sink) {
                AtomicLong position = new AtomicLong();
                db.forEach("SELECT id FROM customers ORDER BY id", row -> sink.row(row.text("id"), position.incrementAndGet()));
                try {
                    db.update("DELETE FROM customers");
                } catch (IllegalStateException e) {
                    writeRefused.set(e);
                }
            }
        }))).isNull();

        assertThat(csv("ids")).isEqualTo("id,position\r\nc-1,1\r\nc-2,2\r\nc-3,3\r\n");
        assertThat(writeRefused.get()).hasMessageContaining("read-only handle");
    }

    @Test
    void valuesAreWrittenLikeTheHostsOwnExports() {
        offer("things", (request, sink) -> sink.row("Li, \"Wei\"", new BigDecimal("129.90")));
        offer("times", List.of("at", "on", "yes", "none"), Set.of(),
                (request, sink) -> sink.row(Instant.parse("2026-01-02T10:00:00Z"), java.time.LocalDate.parse("2026-01-02"), true, null));

        assertThat(csv("things")).isEqualTo("name,count\r\n\"Li, \"\"Wei\"\"\",129.90\r\n");
        assertThat(write("things", Exporter.Format.NDJSON)).isEqualTo("{\"name\":\"Li, \\\"Wei\\\"\",\"count\":\"129.90\"}\n");
        assertThat(write("times", Exporter.Format.NDJSON))
                .isEqualTo("{\"at\":\"2026-01-02T10:00:00Z\",\"on\":\"2026-01-02\",\"yes\":true,\"none\":null}\n");
    }

    @Test
    void aRowThatDoesNotFitTheColumnsIsRefused() {
        offer("things", (request, sink) -> sink.row("only one"));

        assertThatThrownBy(() -> csv("things")).isInstanceOf(PluginCalls.PluginCallException.class)
                .hasMessageContaining("plugin demo: export things failed")
                .hasMessageContaining("2 columns [name, count] but row 1 has 1 values")
                .hasCauseInstanceOf(RefusedRowException.class);
    }

    @Test
    void theSinkStopsWorkingWhenTheCallEnds() {
        AtomicReference<ExportSink> kept = new AtomicReference<>();
        offer("things", (request, sink) -> kept.set(sink));

        assertThat(csv("things")).isEqualTo("name,count\r\n");

        assertThatThrownBy(() -> kept.get().row("late", 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the things export has ended");
    }

    @Test
    void anExportThatOverrunsIsInterruptedAndItsSinkRevoked() {
        AtomicReference<ExportSink> kept = new AtomicReference<>();
        CountDownLatch never = new CountDownLatch(1);
        catalogue = new ExportCatalogue(store, null, calls, Duration.ofMillis(200));
        offer("things", (request, sink) -> {
            kept.set(sink);
            sink.row("first", 1);
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        });

        assertThatThrownBy(() -> csv("things")).isInstanceOf(PluginCalls.PluginCallException.class)
                .hasMessageContaining("did not finish within 200 ms");
        assertThatThrownBy(() -> kept.get().row("late", 2)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void filtersAreParsedAndThoseAKindDoesNotTakeAreRefused() {
        AtomicReference<ExportRequest> seen = new AtomicReference<>();
        offer("things", List.of("name"), Set.of(ExportFilter.SINCE), (request, sink) -> seen.set(request));

        exporter().prepare("things", "2026-01-02", null).writeTo(Exporter.Format.CSV, new StringWriter());
        assertThat(seen.get().since()).hasValue(Instant.parse("2026-01-01T16:00:00Z"));
        assertThat(seen.get().customerId()).isEmpty();

        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
                () -> exporter().prepare("things", "yesterday", "c-1"));
        assertThat(refused.errors()).extracting(e -> e.field() + ": " + e.message()).containsExactly(
                "since: 'yesterday' is neither an instant nor a date; write 2026-01-01T00:00:00Z, or 2026-01-01 for the start of"
                        + " that day in the shop's time zone",
                "customerId: the things export cannot be filtered by customerId; it takes since only");
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> exporter().prepare("customers", null, "c-1")).getMessage())
                .isEqualTo("customerId: the customers export cannot be filtered by customerId; it takes no filters");
    }

    @Test
    void aPluginCannotTakeTheHostsNamesAnotherPluginsOrAnInvalidOne() {
        assertThat(catalogue.add(extension("demo", export("customers", List.of("id"), Set.of(), (r, s) -> { }))))
                .contains("'customers' is the host's own export");
        assertThat(catalogue.add(extension("demo", export("Ledger Entries", List.of("id"), Set.of(), (r, s) -> { }))))
                .contains("the name 'Ledger Entries' is not valid");
        assertThat(catalogue.add(extension("demo", export("things", List.of(), Set.of(), (r, s) -> { }))))
                .contains("declares no columns");
        assertThat(catalogue.add(extension("demo", export("things", List.of("id"), Set.of(), (r, s) -> { })))).isNull();
        assertThat(catalogue.add(extension("other", export("things", List.of("id"), Set.of(), (r, s) -> { }))))
                .contains("plugin demo already offers an export named 'things'");
        assertThat(catalogue.kinds()).extracting(k -> k.name() + "/" + k.pluginId())
                .containsExactly("customers/null", "scores/null", "things/demo");
    }

    // ------------------------------------------------------------------------------------------

    private Exporter exporter() {
        return new Exporter(catalogue, SHANGHAI);
    }

    private String csv(String kind) {
        return write(kind, Exporter.Format.CSV);
    }

    private String write(String kind, Exporter.Format format) {
        StringWriter out = new StringWriter();
        exporter().prepare(kind, null, null).writeTo(format, out);
        return out.toString();
    }

    private void offer(String name, BiConsumer<ExportRequest, ExportSink> rows) {
        offer(name, List.of("name", "count"), Set.of(), rows);
    }

    private void offer(String name, List<String> columns, Set<ExportFilter> filters, BiConsumer<ExportRequest, ExportSink> rows) {
        assertThat(catalogue.add(extension("demo", export(name, columns, filters, rows)))).isNull();
    }

    private PluginExtension<DataExport> extension(String pluginId, DataExport export) {
        return new PluginExtension<>(pluginId, export, getClass().getClassLoader());
    }

    private static DataExport export(String name, List<String> columns, Set<ExportFilter> filters,
                                     BiConsumer<ExportRequest, ExportSink> rows) {
        return new DataExport() {
            public String name() {
                return name;
            }

            public String description() {
                return "A test export";
            }

            public List<String> columns() {
                return columns;
            }

            public Set<ExportFilter> filters() {
                return filters;
            }

            public void export(ExportRequest request, PluginDatabase db, ExportSink sink) {
                rows.accept(request, sink);
            }
        };
    }

    /** Counts what reaches it, as a slow HTTP client or a file would receive it. */
    private static final class CountingWriter extends Writer {
        final AtomicLong count = new AtomicLong();

        @Override
        public void write(char[] buffer, int offset, int length) {
            count.addAndGet(length);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
