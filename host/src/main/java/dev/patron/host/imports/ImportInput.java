package dev.patron.host.imports;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * A file opened for reading as text: gzip is recognised by its magic bytes (whatever the name),
 * a byte-order mark is dropped, and bytes that are not valid in the declared charset fail loudly
 * instead of turning into replacement characters. Counts the file's bytes consumed, for progress.
 */
final class ImportInput implements Closeable {

    private static final int BUFFER = 1 << 16;

    private final Counting counting;
    private final BufferedReader reader;
    private final long size;

    private ImportInput(Counting counting, BufferedReader reader, long size) {
        this.counting = counting;
        this.reader = reader;
        this.size = size;
    }

    static ImportInput open(Path file, Charset charset) throws IOException {
        long size = Files.size(file);
        Counting counting = new Counting(Files.newInputStream(file));
        try {
            InputStream in = new BufferedInputStream(counting, BUFFER);
            in.mark(2);
            boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
            in.reset();
            if (gzip) {
                in = new GZIPInputStream(in, BUFFER);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)), BUFFER);
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            return new ImportInput(counting, reader, size);
        } catch (IOException | RuntimeException e) {
            counting.close();
            throw e;
        }
    }

    /**
     * Explains a decoding failure: which line of {@code file} is not valid {@code charset} text. Reads
     * the file again, so only call it once the import has failed.
     */
    static String undecodable(Path file, Charset charset) {
        long line = 0;
        try (InputStream in = decompressed(file)) {
            java.io.ByteArrayOutputStream current = new java.io.ByteArrayOutputStream();
            int b;
            do {
                b = in.read();
                if (b == '\n' || b < 0) {
                    line++;
                    try {
                        charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(current.toByteArray()));
                    } catch (java.nio.charset.CharacterCodingException e) {
                        return "line " + line + " is not valid " + charset.name() + " text; name the file's encoding with"
                                + " --encoding (e.g. ISO-8859-1 or windows-1252)";
                    }
                    current.reset();
                } else {
                    current.write(b);
                }
            } while (b >= 0);
        } catch (IOException e) {
            // fall through to the general message
        }
        return "the file is not valid " + charset.name() + " text; name its encoding with --encoding (e.g. ISO-8859-1 or windows-1252)";
    }

    private static InputStream decompressed(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER);
        in.mark(2);
        boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        return gzip ? new GZIPInputStream(in, BUFFER) : in;
    }

    BufferedReader reader() {
        return reader;
    }

    /** The first character that is not white space, without consuming it; -1 for an empty file. */
    int peekSignificant() throws IOException {
        reader.mark(4096);
        try {
            for (int i = 0; i < 4096; i++) {
                int c = reader.read();
                if (c < 0 || !Character.isWhitespace(c)) {
                    return c;
                }
            }
            return -1;
        } finally {
            reader.reset();
        }
    }

    /** Bytes of the file consumed so far (compressed bytes for a gzip file). */
    long bytesRead() {
        return counting.count;
    }

    long bytesTotal() {
        return size;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    private static final class Counting extends FilterInputStream {
        private volatile long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
