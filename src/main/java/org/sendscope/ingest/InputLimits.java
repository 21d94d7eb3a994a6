package org.sendscope.ingest;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How much of an input file sendscope will read, in one place: the size of a zip entry and how far
 * it may inflate, the length of a line of text, the size of a text file read whole, and what an
 * Excel workbook may hold. Each limit is far above what any real published file needs
 * (docs/decisions/0090-input-limits.md gives the measured figures), so that a hostile or broken
 * file is refused with a sentence naming it instead of exhausting the machine.
 */
public final class InputLimits {
    private static final long MIB = 1024L * 1024;

    /** The longest line of text (CSV, TSV, a paper): the real files' longest is 2.4 KB. */
    public static final int MAX_LINE_BYTES = (int) (2 * MIB);
    /** The largest text file read whole into memory (papers, trackers, scorecards): real ones are under 1 MB. */
    public static final long MAX_TEXT_FILE_BYTES = 64 * MIB;
    /** The largest zip entry once unpacked: the largest real one is 11.4 MB (SEN2 2022 sen2_estab_caseload.csv). */
    public static final long MAX_ZIP_ENTRY_BYTES = 256 * MIB;
    /** All entries of one zip together, unpacked. */
    public static final long MAX_ZIP_TOTAL_BYTES = 1024 * MIB;
    /** How many times its packed size an entry may inflate to: real entries reach 15.7. */
    public static final int MAX_ZIP_RATIO = 100;
    /** Below this unpacked size the ratio is not checked (a few KB of a blank sheet can pack 1,000:1). */
    public static final long RATIO_CHECKED_ABOVE_BYTES = 4 * MIB;
    /** Entries in one zip (an xlsx has about 10 to 30, a SEN2 zip about 10). */
    public static final int MAX_ZIP_ENTRIES = 10_000;
    /**
     * One part of a workbook read by Apache POI (a scorecard, a tracker): POI holds the whole sheet
     * in memory at many times its XML size, so these small files get a lower cap than a release.
     */
    public static final long MAX_POI_PART_BYTES = 32 * MIB;
    /** Characters in one cell: Excel's own limit. */
    public static final int MAX_CELL_CHARS = 32_767;
    /** Distinct strings in an xlsx's shared-string table (Excel's own limit on a sheet is far lower in practice). */
    public static final int MAX_SHARED_STRINGS = 2_000_000;
    /** Characters in all shared strings together. */
    public static final long MAX_SHARED_STRING_CHARS = 128 * MIB;

    private InputLimits() {
    }

    /**
     * Refuses a path that is not a readable file: missing, or a folder where a file is expected.
     *
     * @throws LoadException saying which
     */
    public static void requireFile(Path path, String displayName) {
        if (Files.isDirectory(path)) {
            throw new LoadException(displayName, "is a folder, not a file (name a file inside it)");
        }
        if (!Files.exists(path)) throw new LoadException(displayName, "no such file");
        if (!Files.isRegularFile(path)) throw new LoadException(displayName, "not a regular file");
        if (!Files.isReadable(path)) throw new LoadException(displayName, "cannot read: permission denied");
    }

    /** {@code 2097152} → {@code 2 MB}; for messages. */
    public static String size(long bytes) {
        if (bytes >= MIB) return (bytes + MIB / 2) / MIB + " MB";
        if (bytes >= 1024) return (bytes + 512) / 1024 + " KB";
        return bytes + " bytes";
    }
}
