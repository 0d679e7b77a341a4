package dev.patron.host.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;

/**
 * The store for event-loop code: writes run in order on one worker thread, reads on a small
 * worker pool, so no JDBC call ever blocks an event loop.
 */
public final class AsyncStore implements AutoCloseable {

    private final Store store;
    private final WorkerExecutor writer;
    private final WorkerExecutor readers;

    public AsyncStore(Vertx vertx, Store store) {
        this.store = store;
        this.writer = vertx.createSharedWorkerExecutor("patron-store-writer", 1);
        this.readers = vertx.createSharedWorkerExecutor("patron-store-reader", 4);
    }

    public Store blocking() {
        return store;
    }

    public <T> Future<T> write(SqlWork<T> work) {
        return writer.executeBlocking(() -> store.inTransaction(work), true);
    }

    public <T> Future<T> read(SqlWork<T> work) {
        return readers.executeBlocking(() -> store.read(work), false);
    }

    @Override
    public void close() {
        writer.close();
        readers.close();
    }
}
