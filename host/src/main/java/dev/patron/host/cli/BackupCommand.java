package dev.patron.host.cli;

import dev.patron.host.config.PatronConfig;
import dev.patron.host.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code patron backup FILE}: a consistent copy of the SQLite store, taken while Patron runs. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Copy the SQLite store to FILE while Patron keeps running (a consistent snapshot; restore by"
                + " pointing db.url at the copy). For PostgreSQL use pg_dump instead."})
final class BackupCommand implements Callable<Integer> {

    @Mixin
    HostOptions host = new HostOptions();

    @Parameters(index = "0", paramLabel = "FILE", description = "The backup file to create; it must not exist.")
    Path file;

    @Override
    public Integer call() throws Exception {
        PatronConfig config = host.load(Map.of());
        long started = System.nanoTime();
        try (Store store = Store.open(config.database())) {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            store.backupTo(file);
        }
        System.err.printf("backed up %s to %s (%,d bytes) in %d ms%n", config.dbUrl(), file, Files.size(file),
                (System.nanoTime() - started) / 1_000_000);
        return 0;
    }
}
