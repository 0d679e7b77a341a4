package dev.patron.host.imports;

/** Progress of a running import, for a progress bar. Called on the importing thread. */
@FunctionalInterface
public interface ImportProgress {

    ImportProgress NONE = (rowsRead, bytesRead, bytesTotal) -> {
    };

    /**
     * @param bytesRead bytes of the file consumed (compressed bytes for a gzip file)
     * @param bytesTotal the file's size
     */
    void advanced(long rowsRead, long bytesRead, long bytesTotal);
}
