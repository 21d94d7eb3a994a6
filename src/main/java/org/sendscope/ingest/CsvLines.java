package org.sendscope.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Where each record of a CSV file starts, found by one pass over its bytes before DuckDB reads it.
 * DuckDB numbers records, not lines: a quoted cell holding a line break, or a blank line it skips,
 * would shift every later line number a message gives. The pass also refuses, at once, a line longer
 * than {@link InputLimits#MAX_LINE_BYTES} and a NUL byte (a binary or UTF-16 file).
 */
public final class CsvLines {
    private CsvLines() {
    }

    /**
     * The file line of each data record (the header's record excluded), or {@code null} when every
     * line after the header is one record, as in every published file: then record n is line n + 1.
     */
    public static long[] recordStarts(Path csv, String displayName) {
        long[] starts = new long[1024];
        int records = 0;
        boolean regular = true;
        boolean quoted = false;
        boolean headerDone = false;
        long line = 1;
        long recordLine = 0;   // the line a record began on, while a quoted cell runs across lines
        long pos = 0;          // offset of buf[0] in the file
        long lineStart = 0;    // offset of the current line's first byte
        byte before = 0;       // the byte before buf[0]
        try (InputStream in = Files.newInputStream(csv)) {
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    byte b = buf[i];
                    // Every byte that matters (NUL, line feed, carriage return, quote) sorts at or below '"'.
                    if (b > '"' || b < 0) continue;
                    if (b == '"') {
                        quoted = !quoted;
                    } else if (b == 0) {
                        throw new LoadException(displayName, line, null, null, "a NUL byte: this is not a UTF-8 "
                                + "text file (a binary file, or UTF-16?); save it as CSV UTF-8");
                    } else if (b == '\n') {
                        long len = pos + i - lineStart;
                        if (len > InputLimits.MAX_LINE_BYTES) throw tooLong(displayName, line);
                        if (quoted) {
                            regular = false; // a line break inside a quoted cell
                            if (recordLine == 0) recordLine = line;
                        } else {
                            byte prev = i > 0 ? buf[i - 1] : before;
                            if (recordLine == 0 && (len == 0 || (len == 1 && prev == '\r'))) {
                                if (headerDone) regular = false; // a blank line, which DuckDB skips
                            } else {
                                if (headerDone) {
                                    if (records == starts.length) starts = Arrays.copyOf(starts, records * 2);
                                    starts[records++] = recordLine != 0 ? recordLine : line;
                                }
                                headerDone = true;
                                recordLine = 0;
                            }
                        }
                        line++;
                        lineStart = pos + i + 1;
                    }
                }
                pos += n;
                before = buf[n - 1];
                // refused as soon as a line passes the limit, not when it ends
                if (pos - lineStart > InputLimits.MAX_LINE_BYTES) throw tooLong(displayName, line);
            }
        } catch (IOException e) {
            throw new LoadException(displayName, "cannot read: " + e.getMessage(), e);
        }
        long last = pos - lineStart;
        if (headerDone && (recordLine != 0 || last > 1 || (last == 1 && before != '\r'))) {
            if (records == starts.length) starts = Arrays.copyOf(starts, records + 1);
            starts[records++] = recordLine != 0 ? recordLine : line;
        }
        return regular ? null : Arrays.copyOf(starts, records);
    }

    /** Refuses a first line longer than the limit before anything parses it (a header is a few KB). */
    public static void checkFirstLine(Path csv, String displayName) {
        try (InputStream in = Files.newInputStream(csv)) {
            byte[] head = in.readNBytes(InputLimits.MAX_LINE_BYTES + 1);
            for (byte b : head) if (b == '\n') return;
            if (head.length > InputLimits.MAX_LINE_BYTES) throw tooLong(displayName, 1);
        } catch (IOException e) {
            throw new LoadException(displayName, "cannot read: " + e.getMessage(), e);
        }
    }

    private static LoadException tooLong(String displayName, long line) {
        return new LoadException(displayName, line, null, null, "the line is longer than "
                + InputLimits.size(InputLimits.MAX_LINE_BYTES) + ", the most sendscope reads as one line "
                + "(is this the right file, with line breaks?)");
    }
}
