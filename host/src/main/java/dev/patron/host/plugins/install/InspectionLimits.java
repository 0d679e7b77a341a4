package dev.patron.host.plugins.install;

/**
 * Bounds on what {@link PluginJarInspector} will read, so that a hostile or broken jar (a zip bomb,
 * a jar of millions of entries) is refused instead of exhausting memory, disk or time. The inspector
 * counts the bytes it actually inflates rather than trusting the sizes a zip declares.
 *
 * @param maxUncompressedBytes the most the jar's entries may expand to in total (a nested jar counts
 *                             with its own size: only its entry names are read, nothing in it is inflated)
 * @param maxEntries           the most entries the jar, and each nested jar, may have
 * @param maxCompressionRatio  the highest uncompressed-to-compressed ratio allowed for an entry that
 *                             expands to at least {@code ratioFloorBytes}
 * @param ratioFloorBytes      entries smaller than this are never judged by their ratio (small text
 *                             files legitimately compress very well)
 */
public record InspectionLimits(long maxUncompressedBytes, int maxEntries, int maxCompressionRatio, long ratioFloorBytes) {

    /** 50 MiB in total, 20,000 entries, ratio 100 for entries of 1 MiB or more. */
    public static final InspectionLimits DEFAULT = new InspectionLimits(50L * 1024 * 1024, 20_000, 100, 1024 * 1024);

    public InspectionLimits {
        if (maxUncompressedBytes < 1 || maxEntries < 1 || maxCompressionRatio < 1 || ratioFloorBytes < 0) {
            throw new IllegalArgumentException("inspection limits must be positive");
        }
    }
}
