package dev.patron.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** The first lines of the Online Retail file, gzipped like the original, so the smoke test stays quick. */
final class RetailSlice {

    private RetailSlice() {
    }

    /** Writes the header and {@code lines} lines of {@code source} to {@code target}; returns {@code source} itself when it is missing. */
    static Path write(Path source, Path target, int lines) throws IOException {
        if (!Files.isRegularFile(source)) {
            return source;
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(source)),
                StandardCharsets.UTF_8));
             Writer out = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(target)), StandardCharsets.UTF_8)) {
            String line;
            for (int i = 0; i <= lines && (line = in.readLine()) != null; i++) {
                out.write(line);
                out.write('\n');
            }
        }
        return target;
    }
}
