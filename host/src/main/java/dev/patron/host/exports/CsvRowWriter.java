package dev.patron.host.exports;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** RFC 4180 CSV with a header line: every export, the host's and the plugins', is quoted the same way. */
final class CsvRowWriter implements RowWriter {

    private final CSVPrinter printer;
    private final Object[] cells;

    CsvRowWriter(Writer out, List<String> columns) throws IOException {
        this.printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(columns.toArray(String[]::new)).get());
        this.cells = new Object[columns.size()];
    }

    @Override
    public void row(Object[] values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            cells[i] = values[i] instanceof JsonText json ? json.text() : values[i];
        }
        printer.printRecord(cells);
    }

    @Override
    public void finish() throws IOException {
        printer.flush();
    }
}
