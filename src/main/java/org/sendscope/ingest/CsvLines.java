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
        long line = 1;
        long lineBytes = 0;
        boolean quoted = false;
        boolean recordOpen = false; // a record has begun on this or an earlier line
        boolean headerDone = false;
        try (InputStream in = Files.newInputStream(csv)) {
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    byte b = buf[i];
                    if (b == '\n') {
                        if (!quoted) {
                            if (recordOpen) {
                                recordOpen = false;
                                headerDone = true;
                            } else if (headerDone) {
                                regular = false; // a blank line, which DuckDB skips
                            }
                        } else {
                            regular = false; // a line break inside a quoted cell
                        }
                        line++;
                        lineBytes = 0;
                        continue;
                    }
                    if (b == 0) {
                        throw new LoadException(displayName, line, null, null, "a NUL byte: this is not a UTF-8 "
                                + "text file (a binary file, or UTF-16?); save it as CSV UTF-8");
                    }
                    if (++lineBytes > InputLimits.MAX_LINE_BYTES) {
                        throw new LoadException(displayName, line, null, null, "the line is longer than "
                                + InputLimits.size(InputLimits.MAX_LINE_BYTES) + ", the most sendscope reads as one line "
                                + "(is this the right file, with line breaks?)");
                    }
                    if (b == '\r' && !quoted) continue;
                    if (!recordOpen) {
                        recordOpen = true;
                        if (headerDone) {
                            if (records == starts.length) starts = Arrays.copyOf(starts, records * 2);
                            starts[records++] = line;
                        }
                    }
                    if (b == '"') quoted = !quoted;
                }
            }
        } catch (IOException e) {
            throw new LoadException(displayName, "cannot read: " + e.getMessage(), e);
        }
        return regular ? null : Arrays.copyOf(starts, records);
    }
}
