package dev.patron.host.imports;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Reads and parses a prepared file on its own thread, a chunk ahead of the writer: while the
 * store's one writer stores chunk N, chunk N+1 is read, parsed and validated on the other core.
 * At most {@link #CHUNKS_QUEUED} parsed chunks wait for the writer, so memory stays bounded by a
 * few chunks whatever the file's size.
 *
 * <p>{@link #next} hands the chunks over in file order on the caller's thread; a read failure or
 * an error in parsing comes out of {@code next} as it would have from a loop on that thread.
 */
final class ChunkReader implements AutoCloseable {

    /** Parsed chunks that may wait for the writer. */
    static final int CHUNKS_QUEUED = 2;
    /** Chunks that can be in memory at once: the queued ones, the one being written, the one being read. */
    static final int CHUNKS_IN_FLIGHT = CHUNKS_QUEUED + 2;

    /** One chunk: its items in file order, the rows it reported, and where reading stood after it. */
    record Chunk(List<ImportItem> items, List<Issue> issues, int rows, long rowsRead, long bytesRead) {
    }

    private static final Object END = new Object();

    private final Path file;
    private final PreparedImport prepared;
    private final RecordRows records;
    private final Function<ItemSink, InvoiceRows> invoices;
    private final BlockingQueue<Object> ready = new ArrayBlockingQueue<>(CHUNKS_QUEUED);
    private final AtomicLong held = new AtomicLong();
    private final AtomicLong peakHeld = new AtomicLong();
    private final Thread thread;
    private volatile boolean stopped;

    private ChunkReader(Path file, PreparedImport prepared, RecordRows records, Function<ItemSink, InvoiceRows> invoices) {
        this.file = file;
        this.prepared = prepared;
        this.records = records;
        this.invoices = invoices;
        this.thread = new Thread(this::read, "patron-import-reader");
        this.thread.setDaemon(true);
    }

    /** Starts reading {@code prepared}; {@code invoices} is null unless its rows are invoice lines. */
    static ChunkReader start(Path file, PreparedImport prepared, RecordRows records, Function<ItemSink, InvoiceRows> invoices) {
        ChunkReader reader = new ChunkReader(file, prepared, records, invoices);
        reader.thread.start();
        return reader;
    }

    /**
     * The next chunk, waiting for it; null after the last.
     *
     * @throws IOException when the file could not be read (rows before the failure were handed over)
     */
    Chunk next() throws IOException {
        Object next;
        try {
            next = ready.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the next rows of " + file.getFileName(), e);
        }
        if (next == END) {
            ready.offer(END);
            return null;
        }
        if (next instanceof Failed failed) {
            ready.offer(failed);
            if (failed.cause instanceof IOException io) {
                throw io;
            }
            if (failed.cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw (Error) failed.cause;
        }
        return (Chunk) next;
    }

    /** Tells the reader a chunk's rows were written and left memory. */
    void written(Chunk chunk) {
        held.addAndGet(-chunk.items().stream().mapToLong(ImportItem::rows).sum());
    }

    /** The most rows held at once: parsed and waiting, being written, and invoice lines still open. */
    long peakRowsHeld() {
        return peakHeld.get();
    }

    private void read() {
        List<ImportItem> items = new ArrayList<>();
        List<Issue> issues = new ArrayList<>();
        long[] openLines = {0};
        ItemSink sink = new ItemSink() {
            @Override
            public void item(ImportItem item) {
                items.add(item);
                long now = held.addAndGet(item.rows());
                peakHeld.accumulateAndGet(now + openLines[0], Math::max);
            }

            @Override
            public void issue(Issue issue) {
                issues.add(issue);
            }
        };
        try {
            InvoiceRows lines = invoices == null ? null : invoices.apply(sink);
            RowSource rows = prepared.rows();
            int chunkRows = prepared.options().chunkRows();
            int inChunk = 0;
            long rowsRead = 0;
            SourceRow row;
            while (!stopped && (row = next(rows)) != null) {
                rowsRead++;
                if (row.problem() != null) {
                    issues.add(new Issue(row.line(), "", String.join(",", row.raw()), IssueCode.MALFORMED_ROW,
                            "the row " + row.problem()));
                } else if (lines != null) {
                    lines.accept(row);
                    openLines[0] = lines.held();
                } else {
                    records.accept(row, sink);
                }
                if (++inChunk >= chunkRows) {
                    hand(items, issues, inChunk, rowsRead);
                    inChunk = 0;
                }
            }
            if (lines != null) {
                lines.finish();
                openLines[0] = 0;
            }
            hand(items, issues, inChunk, rowsRead);
            put(END);
        } catch (Stopped stop) {
            // the writer gave up: nobody waits for more rows
        } catch (IOException | RuntimeException | Error e) {
            try {
                put(new Failed(e));
            } catch (Stopped stop) {
                // the writer gave up first
            }
        }
    }

    private void hand(List<ImportItem> items, List<Issue> issues, int rows, long rowsRead) {
        put(new Chunk(List.copyOf(items), List.copyOf(issues), rows, rowsRead, prepared.input().bytesRead()));
        items.clear();
        issues.clear();
    }

    private SourceRow next(RowSource rows) throws IOException {
        try {
            return rows.next();
        } catch (CharacterCodingException e) {
            throw new IOException(ImportInput.undecodable(file, prepared.options().charset()), e);
        } catch (IOException e) {
            throw new IOException("cannot read the file near line " + rows.line() + ": " + e.getMessage()
                    + " (rows before it were read)", e);
        }
    }

    private void put(Object value) {
        try {
            ready.put(value);
        } catch (InterruptedException e) {
            throw new Stopped();
        }
    }

    /** Stops reading (when the writer ends early) and waits for the reading thread to end. */
    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** What ended the reading thread. */
    private record Failed(Throwable cause) {
    }

    /** The reading thread was told to stop while it waited to hand a chunk over. */
    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("stopped", null, false, false);
        }
    }
}
