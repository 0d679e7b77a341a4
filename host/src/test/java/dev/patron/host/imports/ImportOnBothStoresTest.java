package dev.patron.host.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patron.host.Patron;
import dev.patron.host.config.PatronConfig;
import dev.patron.host.store.BothStores;
import dev.patron.host.store.ScratchDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Currency;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** An import's chunk writes on each store: rows in, events out, and a second import of the same file changes nothing. */
class ImportOnBothStoresTest {

    @TempDir
    Path dir;
    private ScratchDatabase db;
    private Patron patron;

    @BeforeEach
    void open(ScratchDatabase.Kind kind) {
        db = ScratchDatabase.create(kind, dir);
        patron = Patron.open(new PatronConfig("127.0.0.1", 0, db.settings(), Currency.getInstance("USD"), ZoneId.of("UTC"),
                dir.resolve("plugins"), dir), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        patron.close();
        db.close();
    }

    private ImportStatus importFile(ImportKind kind, Path file) throws IOException {
        ImportService imports = ImportService.of(patron);
        String id = imports.newId();
        imports.submit(id, file, ImportOptions.of(kind, file.getFileName().toString()).withChunkRows(2), "test", false);
        return imports.run(id, ImportProgress.NONE);
    }

    @BothStores
    void ordersAreWrittenInChunksOnceEvenWhenImportedTwice() throws IOException {
        Path customers = Files.writeString(dir.resolve("customers.csv"), "id,name,email\nc-1,Ann,ann@example.com\nc-2,Bo,\nc-3,Cy,\n");
        Path orders = Files.writeString(dir.resolve("orders.csv"), """
                id,customerId,placedAt,amount,currency,channel
                o-1,c-1,2026-01-02T10:00:00Z,129.90,USD,web
                o-2,c-2,2026-01-03T11:00:00Z,5.00,USD,shop
                o-3,c-1,2026-01-04T12:00:00Z,0.99,USD,
                o-4,c-3,2026-01-05T12:00:00Z,10.00,USD,web
                o-5,c-9,2026-01-05T12:00:00Z,10.00,USD,web
                """);

        ImportStatus people = importFile(ImportKind.CUSTOMERS, customers);
        ImportStatus first = importFile(ImportKind.ORDERS, orders);
        ImportStatus second = importFile(ImportKind.ORDERS, orders);

        assertThat(people.written().customersCreated()).isEqualTo(3);
        assertThat(first.status()).isEqualTo("succeeded");
        assertThat(first.written().ordersCreated()).isEqualTo(4);
        assertThat(first.issues()).isEqualTo(1);
        assertThat(second.written().ordersCreated()).isZero();
        assertThat(second.written().ordersUnchanged()).isEqualTo(4);
        assertThat(patron.store().read(patron.shop()::orderTotals)).containsExactly(4, 14589);
    }
}
