package dev.patron.host.plugins.install;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * One pass over a jar's entries, as read from its central directory (what a class loader sees):
 * unsafe entry paths, bundled host libraries (in the jar and in jars nested one level inside it),
 * and the size guards of {@link InspectionLimits}. Reads bytes, never loads a class.
 *
 * <p>Jars nested deeper than one level are not opened: nothing in PF4J would load them.
 */
final class ArchiveScan {

    /** Unsafe paths are listed one per problem up to this many; the rest are counted. */
    private static final int MAX_LISTED_UNSAFE = 10;
    private static final String PROVIDED_FIX = "the host provides it; mark the dependency <scope>provided</scope> in the plugin's pom";

    private final String label;
    private final InspectionLimits limits;
    private final Set<String> entryNames = new HashSet<>();
    private final List<String> unsafe = new ArrayList<>();
    /** Where a host package was found ("" for the jar itself, else the nested jar's entry name) → prefixes. */
    private final Map<String, Set<String>> bundled = new LinkedHashMap<>();
    private final List<String> contentProblems = new ArrayList<>();
    private final Budget outer;

    private ArchiveScan(String label, InspectionLimits limits) {
        this.label = label;
        this.limits = limits;
        this.outer = new Budget(limits.maxUncompressedBytes());
    }

    /**
     * Scans every entry of {@code zip}.
     *
     * @param label how problems name the jar, e.g. {@code plugin jar basket.jar}
     */
    static ArchiveScan of(ZipFile zip, String label, InspectionLimits limits) {
        ArchiveScan scan = new ArchiveScan(label, limits);
        scan.scanNames(zip);
        if (zip.size() > limits.maxEntries()) {
            scan.contentProblems.add(label + " has " + zip.size() + " entries, more than the " + limits.maxEntries()
                    + " allowed: a plugin jar should hold the plugin's own classes and resources; leave host libraries out"
                    + " (scope provided) and check that the jar is not a zip bomb");
        } else {
            scan.scanContents(zip);
        }
        return scan;
    }

    /** Every entry name in the jar, as stored. */
    Set<String> entryNames() {
        return Collections.unmodifiableSet(entryNames);
    }

    /** Every problem found, unsafe paths first, then bundled libraries, then size and corruption. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < Math.min(unsafe.size(), MAX_LISTED_UNSAFE); i++) {
            problems.add(unsafe.get(i));
        }
        if (unsafe.size() > MAX_LISTED_UNSAFE) {
            problems.add(label + " has " + (unsafe.size() - MAX_LISTED_UNSAFE) + " more entries with unsafe paths");
        }
        bundled.forEach((where, prefixes) -> {
            for (String prefix : prefixes) {
                problems.add(label + " bundles " + prefix + " (" + HostProvidedPackages.libraryOf(prefix) + ")"
                        + (where.isEmpty() ? "" : " in " + where) + ": " + PROVIDED_FIX);
            }
        });
        problems.addAll(contentProblems);
        return problems;
    }

    private void scanNames(ZipFile zip) {
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            String name = entries.nextElement().getName();
            entryNames.add(name);
            unsafeReason(name).ifPresent(reason -> unsafe.add(label + " has an entry with an unsafe path, " + name + " (" + reason
                    + "): entries must be relative paths inside the jar; rebuild the jar with mvn package instead of by hand"));
            HostProvidedPackages.packageOf(name).ifPresent(prefix -> bundledIn("", prefix));
        }
    }

    /** Why an entry name could escape the folder it is extracted to, or empty if it cannot. */
    static Optional<String> unsafeReason(String name) {
        if (name.startsWith("/")) {
            return Optional.of("it starts with '/', an absolute path");
        }
        if (name.indexOf('\\') >= 0) {
            return Optional.of("it contains '\\', which Windows reads as a folder separator");
        }
        if (name.length() >= 2 && name.charAt(1) == ':' && Character.isLetter(name.charAt(0))) {
            return Optional.of("it starts with a drive letter");
        }
        if (name.indexOf('\0') >= 0) {
            return Optional.of("it contains a NUL character");
        }
        for (String segment : name.split("/")) {
            if (segment.equals("..")) {
                return Optional.of("'..' leads out of the jar");
            }
        }
        return Optional.empty();
    }

    private void bundledIn(String where, String prefix) {
        bundled.computeIfAbsent(where, w -> new LinkedHashSet<>()).add(prefix);
    }

    private void scanContents(ZipFile zip) {
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            if (entry.isDirectory()) {
                continue;
            }
            try (InputStream in = new Counted(zip.getInputStream(entry), outer)) {
                long before = outer.used;
                if (entry.getName().toLowerCase(Locale.ROOT).endsWith(".jar")) {
                    scanNested(in, entry.getName());
                }
                drain(in);
                checkRatio(entry, outer.used - before);
            } catch (OverBudget e) {
                contentProblems.add(label + " expands to more than " + bytes(limits.maxUncompressedBytes())
                        + ", the limit for a plugin jar: it should hold the plugin's own classes and small resources;"
                        + " leave host libraries out (scope provided), keep large data outside the jar, and check that it is not a zip bomb");
                return;
            } catch (IOException e) {
                contentProblems.add(label + " has a corrupt entry " + entry.getName() + " (" + e.getMessage()
                        + "): rebuild the jar with mvn package");
            }
        }
    }

    private void checkRatio(ZipEntry entry, long expanded) {
        long compressed = entry.getCompressedSize();
        if (expanded >= limits.ratioFloorBytes() && compressed > 0 && expanded / compressed > limits.maxCompressionRatio()) {
            contentProblems.add(label + " has an entry " + entry.getName() + " that expands " + (expanded / compressed)
                    + " times (from " + bytes(compressed) + " to " + bytes(expanded) + "), more than the "
                    + limits.maxCompressionRatio() + " allowed: this is how zip bombs look; keep such data outside the jar");
        }
    }

    /**
     * Lists a nested jar's entries for host packages. The jar is copied to a temporary file and read
     * through its central directory, as a class loader would: a streaming read can be fooled (a
     * prefix before the zip data hides every entry), and only names are needed, so nothing inside it
     * is inflated.
     */
    private void scanNested(InputStream in, String where) throws IOException {
        Path temp = Files.createTempFile("patron-nested-", ".jar");
        try {
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            try (ZipFile nested = new ZipFile(temp.toFile())) {
                if (nested.size() > limits.maxEntries()) {
                    contentProblems.add(label + " contains " + where + ", which has " + nested.size() + " entries, more than the "
                            + limits.maxEntries() + " allowed: leave host libraries out (scope provided)");
                }
                Enumeration<? extends ZipEntry> entries = nested.entries();
                while (entries.hasMoreElements()) {
                    HostProvidedPackages.packageOf(entries.nextElement().getName()).ifPresent(prefix -> bundledIn(where, prefix));
                }
            } catch (IOException e) {
                contentProblems.add(label + " contains " + where + ", which cannot be read as a jar (" + e.getMessage()
                        + "), so it cannot be checked for host libraries: remove it or rebuild it");
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Reads {@code in} to its end, so that every byte is counted. */
    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        while (in.read(buffer) >= 0) {
            // counted by Counted
        }
    }

    static String bytes(long n) {
        long mib = 1024L * 1024;
        if (n >= mib && n % mib == 0) {
            return n / mib + " MiB";
        }
        if (n >= mib) {
            return String.format(Locale.ROOT, "%.1f MiB", n / (double) mib);
        }
        return n + " bytes";
    }

    /** Bytes the scan may still inflate. */
    private static final class Budget {
        private final long limit;
        private long used;

        Budget(long limit) {
            this.limit = limit;
        }

        void spend(long n) {
            used += n;
            if (used > limit) {
                throw new OverBudget();
            }
        }
    }

    /** Thrown, unchecked, to abandon a scan the moment a budget is exceeded. */
    private static final class OverBudget extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OverBudget() {
            super(null, null, false, false);
        }
    }

    /** Charges every byte read to a budget, so sizes a zip declares are never trusted. */
    private static final class Counted extends FilterInputStream {
        private final Budget budget;

        Counted(InputStream in, Budget budget) {
            super(in);
            this.budget = budget;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                budget.spend(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                budget.spend(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] buffer = new byte[(int) Math.min(n, 8192)];
            int read = read(buffer, 0, buffer.length);
            return Math.max(read, 0);
        }
    }
}
