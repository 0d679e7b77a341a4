package dev.patron.testkit;

import dev.patron.api.data.PluginDatabase;
import dev.patron.api.exports.DataExport;
import dev.patron.api.exports.ExportFilter;
import dev.patron.api.exports.ExportRequest;
import dev.patron.api.exports.ExportSink;
import java.util.List;
import java.util.Set;
import org.pf4j.Extension;

/** A tiny export for the testkit's own tests: the notes table, by customer, one customer on request. */
@Extension
public class NotesExport implements DataExport {

    @Override
    public String name() {
        return "notes";
    }

    @Override
    public String description() {
        return "Every note, by customer";
    }

    @Override
    public List<String> columns() {
        return List.of("customerId", "note", "length");
    }

    @Override
    public Set<ExportFilter> filters() {
        return Set.of(ExportFilter.CUSTOMER);
    }

    @Override
    public void export(ExportRequest request, PluginDatabase db, ExportSink sink) {
        db.forEach("SELECT customer_id, note FROM testkit_demo_notes WHERE customer_id >= ? AND customer_id <= ? ORDER BY customer_id",
                row -> sink.row(row.text("customer_id"), row.text("note"), row.text("note").length()),
                request.customerId().orElse(""), request.customerId().orElse("\uffff"));
    }
}
