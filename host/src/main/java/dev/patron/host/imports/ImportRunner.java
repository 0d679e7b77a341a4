package dev.patron.host.imports;

import dev.patron.host.events.EventDispatcher.Failures;
import dev.patron.host.shop.ShopJson;
import dev.patron.host.shop.ShopRepository;
import dev.patron.host.store.Store;
import dev.patron.host.store.StoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams one file into the store: rows are read one at a time, turned into items, and written in
 * chunks of about {@code chunkRows} rows, each chunk in its own transaction together with the
 * plugins' handling of its events. A {@link ChunkReader} reads and parses the next chunks on
 * another thread while this one writes. Memory holds a few chunks (plus open invoices), never the
 * file.
 *
 * <p>A dry run and a strict import instead write everything in ONE transaction, rolled back at
 * the end of a dry run, or of a strict import with any rejected row: the store then shows exactly
 * what would happen (cancellations see the orders before them) and never a partial import. That
 * transaction holds the store's writer for the whole file.
 */
final class ImportRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ImportRunner.class);

    /** Invoice lines held open while later lines might still belong to their invoice. */
    static final int INVOICE_WINDOW_LINES = 1_000;

    /** What a run did. {@code peakRowsHeld}: the most rows held in memory at once (chunk + open invoices). */
    record Result(ImportFormat format, boolean committed, long rowsRead, long peakRowsHeld, ImportTally tally) {
    }

    private final Store store;
    private final ShopRepository shop;
    private final ShopJson json;
    private final ChunkEvents events;
    private final Currency currency;
    private final ZoneId shopZone;
    private final Clock clock;

    ImportRunner(Store store, ShopRepository shop, ShopJson json, ChunkEvents events, Currency currency, ZoneId shopZone, Clock clock) {
        this.store = store;
        this.shop = shop;
        this.json = json;
        this.events = events;
        this.currency = currency;
        this.shopZone = shopZone;
        this.clock = clock;
    }

    /** Checks the options and the file's header without importing. */
    void check(Path file, ImportOptions options) throws IOException {
        PreparedImport.open(file, options, currency, shopZone).close();
    }

    Result run(Path file, ImportOptions options, IssueReport report, ImportListener listener) throws IOException {
        try (PreparedImport prepared = PreparedImport.open(file, options, currency, shopZone)) {
            listener.started(prepared.format(), prepared.input().bytesTotal());
            Pass pass = new Pass(file, prepared, report, listener);
            boolean single = options.dryRun() || options.strict();
            try {
                if (!single) {
                    pass.drive(null);
                    return pass.result(true);
                }
                Failures failures = store.inTransaction(c -> {
                    pass.drive(c);
                    if (options.dryRun() || report.rows(IssueCode.Outcome.REJECTED) > 0) {
                        throw new RollBack();
                    }
                    return pass.failures;
                });
                events.afterCommit(failures);
                return pass.result(true);
            } catch (RollBack rolledBack) {
                return pass.result(false);
            } catch (WrappedIo e) {
                throw e.getCause();
            } catch (SQLException e) {
                throw new StoreException("database error during the import: " + e.getMessage(), e);
            }
        }
    }

    /** One pass over the file: a {@link ChunkReader} parses ahead while this thread writes. */
    private final class Pass {
        private final Path file;
        private final PreparedImport prepared;
        private final IssueReport report;
        private final ImportListener listener;
        private final ChunkWriter writer;
        private final ImportTally tally = new ImportTally();
        private final Failures failures = new Failures();
        private long rowsRead;
        private long peakHeld;

        Pass(Path file, PreparedImport prepared, IssueReport report, ImportListener listener) {
            this.file = file;
            this.prepared = prepared;
            this.report = report;
            this.listener = listener;
            this.writer = new ChunkWriter(shop, json, prepared.plan(), currency, prepared.createCustomers());
        }

        /** Writes every chunk of the file in its own transaction, or all on {@code single} when given. */
        void drive(Connection single) throws SQLException {
            ImportOptions options = prepared.options();
            RecordRows records = new RecordRows(options.kind(), prepared.plan(), json, prepared.zone(), currency);
            Function<ItemSink, InvoiceRows> invoices = prepared.plan().shape() == ColumnPlan.Shape.LINES
                    ? sink -> new InvoiceRows(prepared.plan(), prepared.mapping(), json, prepared.zone(), currency,
                    INVOICE_WINDOW_LINES, sink)
                    : null;
            long waited = 0;
            long writing = 0;
            try (ChunkReader reader = ChunkReader.start(file, prepared, records, invoices)) {
                ChunkReader.Chunk chunk;
                long mark = System.nanoTime();
                while ((chunk = next(reader)) != null) {
                    long read = System.nanoTime();
                    waited += read - mark;
                    rowsRead = chunk.rowsRead();
                    chunk.issues().forEach(report::add);
                    write(single, chunk);
                    reader.written(chunk);
                    mark = System.nanoTime();
                    writing += mark - read;
                }
                waited += System.nanoTime() - mark;
                peakHeld = reader.peakRowsHeld();
            }
            // Which side held the import back: the reading thread (waited) or the writer (writing).
            LOG.debug("{}: writer waited {} ms for the reader and wrote for {} ms", file.getFileName(), waited / 1_000_000,
                    writing / 1_000_000);
        }

        private ChunkReader.Chunk next(ChunkReader reader) {
            try {
                return reader.next();
            } catch (IOException e) {
                throw new WrappedIo(e);
            }
        }

        private void write(Connection single, ChunkReader.Chunk parsed) throws SQLException {
            List<ImportItem> chunk = parsed.items();
            if (chunk.isEmpty()) {
                listener.advanced(rowsRead, parsed.bytesRead(), tally.copy());
                return;
            }
            if (single != null) {
                ChunkWriter.Written written = writer.write(single, chunk, report::add, clock.millis());
                if (!prepared.options().dryRun()) {
                    events.deliver(single, written.customers, written.orders, written.refunds).byPlugin()
                            .forEach(failures.byPlugin()::putIfAbsent);
                }
                tally.addSafely(written.tally);
            } else {
                ImportTally[] chunkTally = new ImportTally[1];
                Failures chunkFailures = store.inTransaction(c -> {
                    ChunkWriter.Written written = writer.write(c, chunk, report::add, clock.millis());
                    Failures result = events.deliver(c, written.customers, written.orders, written.refunds);
                    ImportTally total = tally.copy();
                    total.add(written.tally);
                    report.flush();
                    listener.chunkWritten(c, rowsRead, parsed.bytesRead(), total);
                    chunkTally[0] = written.tally;
                    return result;
                });
                events.afterCommit(chunkFailures);
                tally.addSafely(chunkTally[0]);
            }
            listener.advanced(rowsRead, parsed.bytesRead(), tally.copy());
        }

        Result result(boolean committed) {
            report.flush();
            return new Result(prepared.format(), committed, rowsRead, peakHeld, tally.copy());
        }
    }

    /** Ends the one transaction of a dry run or a refused strict import. */
    private static final class RollBack extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RollBack() {
            super("rolled back on purpose", null, false, false);
        }
    }

    /** Carries a read failure out of the transaction lambda. */
    private static final class WrappedIo extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WrappedIo(IOException cause) {
            super(cause.getMessage(), cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }
}
