package dev.patron.host.exports;

import dev.patron.api.exports.DataExport;
import dev.patron.api.exports.ExportRequest;
import dev.patron.api.data.PluginStore;
import dev.patron.host.plugins.PluginCalls;
import dev.patron.host.plugins.PluginExtension;
import java.time.Duration;

/**
 * A plugin's {@link DataExport}, run as the API promises: on a plugin-call thread with the
 * plugin's class loader, under {@link #LIMIT}, with a read-only database handle on one snapshot
 * and a sink, both revoked when the call ends.
 */
final class PluginTableExport implements TableExport {

    /** How long a whole export may take: a scheduled job's limit. */
    static final Duration LIMIT = Duration.ofHours(1);

    private final ExportKind kind;
    private final PluginExtension<DataExport> extension;
    private final PluginStore store;
    private final PluginCalls calls;
    private final Duration limit;

    PluginTableExport(ExportKind kind, PluginExtension<DataExport> extension, PluginStore store, PluginCalls calls, Duration limit) {
        this.kind = kind;
        this.extension = extension;
        this.store = store;
        this.calls = calls;
        this.limit = limit;
    }

    @Override
    public ExportKind kind() {
        return kind;
    }

    @Override
    public long writeTo(ExportRequest request, RowWriter out) {
        PluginRowSink sink = new PluginRowSink(kind, out);
        try {
            calls.call(extension.pluginId(), "export " + kind.name(), extension.classLoader(), limit, () -> store.read(db -> {
                extension.extension().export(request, db, sink);
                return null;
            }));
        } finally {
            sink.revoke();
        }
        return sink.rows();
    }
}
