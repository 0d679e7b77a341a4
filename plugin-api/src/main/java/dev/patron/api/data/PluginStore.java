package dev.patron.api.data;

import java.util.function.Function;

/**
 * A plugin's way to the database outside event handlers (for example from a REST route).
 * Blocking: the host calls plugin code on worker threads, never on an event loop.
 */
public interface PluginStore {

    /** Runs {@code work} on a read-only connection with a consistent snapshot. */
    <T> T read(Function<PluginDatabase, T> work);

    /**
     * Runs {@code work} in one write transaction: committed when it returns, rolled back when it
     * throws. Writes are serialised with the host's own; keep the work short.
     */
    <T> T write(Function<PluginDatabase, T> work);
}
