package dev.patron.host.imports;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Groups invoice lines into invoices while streaming. An invoice stays open while its lines keep
 * coming; it is complete once {@code window} lines have passed without one of its lines, so lines
 * of one invoice interleaved with others (UCI's invoice 542806 is split by two lines of another)
 * are merged, and memory holds only the open invoices, never the file. Lines of an invoice that
 * re-appear after the window make a second invoice with the same id, which the store then refuses
 * as an id conflict (reported, never merged into a stored order).
 *
 * <p>Also drops exact duplicates of a line already in its invoice.
 */
final class InvoiceGrouper {

    /** A complete invoice: its lines in file order. */
    record Invoice(String id, List<InvoiceLine> lines) {
    }

    private static final class Open {
        final List<InvoiceLine> lines = new ArrayList<>();
        final Set<List<String>> seen = new HashSet<>();
        long lastLine;
    }

    private final int window;
    private final Consumer<Invoice> complete;
    private final Consumer<InvoiceLine> duplicate;
    private final LinkedHashMap<String, Open> open = new LinkedHashMap<>(64, 0.75f, true);
    private int held;

    /**
     * @param window lines after an invoice's last line at which it is complete
     * @param complete receives each invoice when complete, in the order of their last lines
     * @param duplicate receives lines that repeat a line of their invoice exactly
     */
    InvoiceGrouper(int window, Consumer<Invoice> complete, Consumer<InvoiceLine> duplicate) {
        this.window = window;
        this.complete = complete;
        this.duplicate = duplicate;
    }

    void add(InvoiceLine line) {
        Open invoice = open.get(line.invoiceId());
        if (invoice == null) {
            invoice = new Open();
            open.put(line.invoiceId(), invoice);
        }
        if (!invoice.seen.add(line.raw())) {
            duplicate.accept(line);
        } else {
            invoice.lines.add(line);
            held++;
        }
        invoice.lastLine = line.line();
        completeBefore(line.line() - window);
    }

    /** Completes every open invoice (at the end of the file). */
    void finish() {
        completeBefore(Long.MAX_VALUE);
    }

    /** Lines held in open invoices. */
    int held() {
        return held;
    }

    private void completeBefore(long line) {
        Iterator<Map.Entry<String, Open>> eldest = open.entrySet().iterator();
        while (eldest.hasNext()) {
            Map.Entry<String, Open> entry = eldest.next();
            if (entry.getValue().lastLine >= line) {
                return;
            }
            eldest.remove();
            held -= entry.getValue().lines.size();
            if (!entry.getValue().lines.isEmpty()) {
                complete.accept(new Invoice(entry.getKey(), entry.getValue().lines));
            }
        }
    }
}
