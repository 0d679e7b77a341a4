package dev.patron.api.exports;

import dev.patron.api.data.PluginDatabase;
import java.util.List;
import java.util.Set;
import org.pf4j.ExtensionPoint;

/**
 * A table of the plugin's data that people can download: {@code patron export <name>} and
 * {@code GET /api/v1/exports/<name>}, as CSV or NDJSON, beside the host's own {@code customers}
 * and {@code scores}. The host owns the format (the same CSV quoting and the same NDJSON for
 * every export), the HTTP response and the file; the plugin only reads its rows and hands them
 * over one at a time.
 *
 * <p>The contract:
 * <ul>
 *   <li><b>Described once.</b> The host reads {@link #name()}, {@link #description()},
 *       {@link #columns()} and {@link #filters()} when the plugin starts (each call under a
 *       5-second limit) and keeps them until it stops; they must not change while it runs.
 *       The export is offered only while the plugin runs: a disabled, failed or uninstalled
 *       plugin's kinds are unknown, and asking for one answers with the kinds there are.</li>
 *   <li><b>Streaming.</b> {@link #export} reads through a cursor
 *       ({@link PluginDatabase#forEach}) and passes each row to the sink as it is read. Never
 *       collect the rows in memory: a ledger of ten million entries must export in the memory of
 *       one. The sink blocks while the reader (an HTTP client, a file) is slower than the
 *       database; that is expected.</li>
 *   <li><b>Off the event loop, under a time limit.</b> The host calls {@link #export} on a
 *       worker thread with the plugin's class loader as context class loader, like every other
 *       plugin call, and gives the whole export one hour, a scheduled job's limit. When it
 *       overruns, its thread is interrupted, the database handle and the sink stop working
 *       (every later call throws) and the export fails as below.</li>
 *   <li><b>Read-only.</b> {@code db} is a read-only handle on one consistent snapshot, valid only
 *       during the call; writing through it throws.</li>
 *   <li><b>Failures.</b> Throw with a message a person can act on
 *       ({@link dev.patron.api.PatronPluginException}); the host reports it naming the plugin. A
 *       failure answers an HTTP error (a problem document, or a reset connection once rows
 *       have gone out), and {@code patron export} exits with 2 without writing its
 *       {@code --output} file, so a reader never gets a truncated file that looks complete.</li>
 * </ul>
 *
 * <p>Mark implementations with {@code @Extension}; a public {@code (PluginContext)} constructor
 * gets the plugin's context. One instance serves every export, possibly several at once, so keep
 * it stateless.
 *
 * @since 1.1.0
 */
public interface DataExport extends ExtensionPoint {

    /**
     * The kind's name in the CLI and the URL: 2 to 40 lower-case letters, digits and {@code -},
     * starting with a letter, e.g. {@code ledger}. It must not be {@code customers} or
     * {@code scores} (the host's) nor another running plugin's. An invalid or taken name is logged
     * when the plugin starts, and that export is not offered; the plugin's other work goes on.
     */
    String name();

    /** One line for listings and the API description, e.g. "Every loyalty ledger entry, by customer". */
    String description();

    /**
     * The column names in order: the CSV header and the NDJSON keys. Use camelCase
     * ({@code customerId}, {@code balanceAfter}), like the host's exports. Every row handed to the
     * sink has exactly one value per column, in this order.
     */
    List<String> columns();

    /** The filters {@link #export} honours; the host refuses any other with a clear message. None by default. */
    default Set<ExportFilter> filters() {
        return Set.of();
    }

    /**
     * Reads the rows and hands each to {@code sink}, in a stable order that the plugin documents
     * (for a ledger: by customer, then entry).
     *
     * @param request the filters asked for, only those in {@link #filters()}; never null
     * @param db a read-only handle on one snapshot, valid only during this call
     * @param sink where the rows go; valid only during this call
     */
    void export(ExportRequest request, PluginDatabase db, ExportSink sink);
}
