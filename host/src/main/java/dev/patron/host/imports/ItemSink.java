package dev.patron.host.imports;

/** Where reading a file sends what it finds: items to write and rows to report. */
interface ItemSink {

    void item(ImportItem item);

    void issue(Issue issue);
}
