package dev.patron.testkit;

import dev.patron.api.data.PluginDatabase;
import dev.patron.api.exports.DataExport;
import dev.patron.api.exports.ExportRequest;
import dev.patron.api.exports.ExportSink;
import java.util.List;
import org.pf4j.Extension;

/** An export that breaks the row contract: two columns, one value. */
@Extension
public class ShortRowExport implements DataExport {

    @Override
    public String name() {
        return "short-rows";
    }

    @Override
    public String description() {
        return "Rows one value short";
    }

    @Override
    public List<String> columns() {
        return List.of("customerId", "note");
    }

    @Override
    public void export(ExportRequest request, PluginDatabase db, ExportSink sink) {
        sink.row("c-1");
    }
}
