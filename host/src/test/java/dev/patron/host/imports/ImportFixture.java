package dev.patron.host.imports;

import dev.patron.api.events.CustomerUpserted;
import dev.patron.api.events.OrderPlaced;
import dev.patron.api.events.OrderRefunded;
import dev.patron.host.events.EventDispatcher.Failures;
import dev.patron.host.shop.Customer;
import dev.patron.host.shop.ShopJson;
import dev.patron.host.shop.ShopRepository;
import dev.patron.host.store.Store;
import dev.patron.host.store.TestStores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/** A real store in a temp folder with an import service whose plugin events are recorded. */
final class ImportFixture implements AutoCloseable {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2027-01-01T00:00:00Z"), ZoneOffset.UTC);

    /**
     * One delivery of a chunk's events.
     *
     * @param ordersVisible orders the delivering connection sees
     * @param ordersCommitted orders another connection sees: fewer while the chunk's transaction is open
     */
    record Delivery(long ordersVisible, long ordersCommitted, List<CustomerUpserted> customers, List<OrderPlaced> orders,
                    List<OrderRefunded> refunds) {

        boolean inTransaction() {
            return ordersCommitted < ordersVisible || orders.isEmpty();
        }
    }

    final Path dir;
    final Store store;
    final ShopRepository shop = new ShopRepository();
    final ImportService imports;
    final List<Delivery> deliveries = new ArrayList<>();
    final ImportRunner runner;

    ImportFixture(Path dir) {
        this(dir, "USD", "UTC");
    }

    ImportFixture(Path dir, String currency, String zone) {
        this.dir = dir;
        this.store = TestStores.migrated(dir);
        ShopJson json = new ShopJson(Currency.getInstance(currency), CLOCK);
        ChunkEvents events = new ChunkEvents() {
            @Override
            public Failures deliver(Connection c, List<CustomerUpserted> customers, List<OrderPlaced> orders,
                                    List<OrderRefunded> refunds) throws SQLException {
                long visible;
                try (var select = c.prepareStatement("SELECT COUNT(*) FROM orders"); var rs = select.executeQuery()) {
                    rs.next();
                    visible = rs.getLong(1);
                }
                long committed = TestStores.count(store, "SELECT COUNT(*) FROM orders");
                deliveries.add(new Delivery(visible, committed, customers, orders, refunds));
                return new Failures();
            }

            @Override
            public void afterCommit(Failures failures) {
            }
        };
        this.imports = new ImportService(store, shop, json, events, Currency.getInstance(currency), ZoneId.of(zone), CLOCK,
                dir.resolve("data").resolve("imports"));
        this.runner = new ImportRunner(store, shop, json, events, Currency.getInstance(currency), ZoneId.of(zone), CLOCK);
    }

    Path file(String name, String text) {
        return file(name, text, StandardCharsets.UTF_8);
    }

    Path file(String name, String text, Charset charset) {
        return bytes(name, text.getBytes(charset));
    }

    Path bytes(String name, byte[] content) {
        try {
            return Files.write(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Submits and runs an import; the file name is the options' or the path's. */
    ImportStatus run(ImportOptions options, Path file) {
        try {
            String id = imports.newId();
            ImportOptions named = options.fileName().isEmpty() ? withName(options, file) : options;
            imports.submit(id, file, named, "test", false);
            return imports.run(id, ImportProgress.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ImportStatus run(ImportKind kind, Path file) {
        return run(ImportOptions.of(kind, file.getFileName().toString()), file);
    }

    private static ImportOptions withName(ImportOptions o, Path file) {
        return new ImportOptions(o.kind(), o.format(), o.mapping(), o.renames(), o.dryRun(), o.strict(), o.charset(), o.zone(),
                o.delimiter(), o.createCustomers(), o.chunkRows(), file.getFileName().toString());
    }

    void customers(String... ids) {
        store.inTransaction(c -> {
            for (String id : ids) {
                shop.insertCustomers(c, List.of(new Customer(id, null, null, null, Map.of())), 0);
            }
            return null;
        });
    }

    long count(String sql, Object... parameters) {
        return TestStores.count(store, sql, parameters);
    }

    /** The lines of the job's report file, header first. */
    List<String> report(ImportStatus status) {
        try {
            return Files.readAllLines(Path.of(status.reportFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
