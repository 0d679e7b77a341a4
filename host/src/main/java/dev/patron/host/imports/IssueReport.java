package dev.patron.host.imports;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Every reported row, written to a CSV file as it is found ({@code line,column,value,reason,outcome,code}),
 * so reports of any size never sit in memory. Keeps the first few in memory for status screens and
 * counts rows by outcome and code; a row with several issues counts once, under its first.
 * Used by one thread; {@link #snapshot} may be read from another.
 */
final class IssueReport implements Closeable {

    static final int FIRST = 20;
    static final String[] HEADER = {"line", "column", "value", "reason", "outcome", "code"};

    private final CSVPrinter printer;
    private final List<Issue> first = Collections.synchronizedList(new ArrayList<>());
    private final Map<IssueCode, Long> rowsByCode = Collections.synchronizedMap(new EnumMap<>(IssueCode.class));
    private volatile long issues;
    private long lastLine = -1;
    private IssueCode.Outcome lastOutcome;

    IssueReport(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            this.printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the import report " + file + ": " + e.getMessage(), e);
        }
    }

    void add(Issue issue) {
        try {
            printer.printRecord(issue.line(), issue.column(), issue.value(), issue.reason(),
                    issue.code().outcome().name().toLowerCase(java.util.Locale.ROOT), issue.code().code());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the import report: " + e.getMessage(), e);
        }
        issues++;
        if (first.size() < FIRST) {
            first.add(issue);
        }
        boolean sameRow = issue.line() == lastLine && issue.code().outcome() == lastOutcome;
        if (!sameRow) {
            rowsByCode.merge(issue.code(), 1L, Long::sum);
        }
        lastLine = issue.line();
        lastOutcome = issue.code().outcome();
    }

    /** Rows (or notes) per code so far. */
    Map<IssueCode, Long> rowsByCode() {
        Map<IssueCode, Long> copy = new EnumMap<>(IssueCode.class);
        synchronized (rowsByCode) {
            copy.putAll(rowsByCode);
        }
        return copy;
    }

    long rows(IssueCode.Outcome outcome) {
        return rowsByCode().entrySet().stream().filter(e -> e.getKey().outcome() == outcome).mapToLong(Map.Entry::getValue).sum();
    }

    long issues() {
        return issues;
    }

    List<Issue> first() {
        synchronized (first) {
            return List.copyOf(first);
        }
    }

    void flush() {
        try {
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            printer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
