package dev.patron.host.exports;

/** A column value that is a JSON object stored as text: verbatim in CSV, embedded in NDJSON. */
record JsonText(String text) {
}
