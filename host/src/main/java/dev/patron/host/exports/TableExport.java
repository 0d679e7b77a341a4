package dev.patron.host.exports;

import dev.patron.api.exports.ExportRequest;

/** One kind of export and how to read its rows. */
interface TableExport {

    ExportKind kind();

    /** Hands every row matching {@code request} to {@code out}, in order; returns how many. Blocking. */
    long writeTo(ExportRequest request, RowWriter out);
}
