package dev.patron.host.plugins;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs plugin code under a time limit on its own thread pool, so a plugin that hangs cannot
 * block the event loop, the writer, or a scoring run for ever. On overrun the call's thread is
 * interrupted and abandoned, and the caller gets a {@link PluginCallException}.
 */
public final class PluginCalls implements AutoCloseable {

    private final ExecutorService threads;

    public PluginCalls() {
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "patron-plugin-call-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * @param pluginId for messages
     * @param what what was called, e.g. "event handler LoyaltyEarning.orderPlaced"
     */
    public <T> T call(String pluginId, String what, ClassLoader pluginClassLoader, Duration limit, Callable<T> work) {
        Future<T> future = threads.submit(() -> {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(pluginClassLoader);
            try {
                return work.call();
            } finally {
                thread.setContextClassLoader(previous);
            }
        });
        try {
            return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new PluginCallException(pluginId, what + " did not finish within " + limit.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            throw new PluginCallException(pluginId, what + " failed: " + message, cause);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new PluginCallException(pluginId, what + " was interrupted", e);
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }

    /** A plugin call failed or overran; the message names the plugin and what it was doing. */
    public static final class PluginCallException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final String pluginId;

        PluginCallException(String pluginId, String message, Throwable cause) {
            super("plugin " + pluginId + ": " + message, cause);
            this.pluginId = pluginId;
        }

        public String pluginId() {
            return pluginId;
        }

        /** The plugin's own exception, or null when the call timed out. */
        public Throwable pluginFailure() {
            return getCause() instanceof TimeoutException || getCause() instanceof InterruptedException ? null : getCause();
        }
    }
}
