package org.sendscope.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Text input (a paper, a CSV or TSV, a tracker) checked as it is read: UTF-8 and nothing else
 * (a UTF-16 or UTF-32 file, with or without a byte-order mark, and bytes that are not UTF-8 are
 * refused with what to do about it), no NUL bytes, and no line longer than
 * {@link InputLimits#MAX_LINE_BYTES} (refused as soon as it passes the limit, not after reading it).
 * A UTF-8 byte-order mark is dropped.
 */
public final class TextInput {
    private static final int HEAD = 4096;

    private TextInput() {
    }

    /** The whole file as text, after every check; at most {@link InputLimits#MAX_TEXT_FILE_BYTES}. */
    public static String read(Path path, String displayName) {
        InputLimits.requireFile(path, displayName);
        try {
            long size = Files.size(path);
            if (size > InputLimits.MAX_TEXT_FILE_BYTES) {
                throw new LoadException(displayName, "the file is " + InputLimits.size(size) + ", more than the "
                        + InputLimits.size(InputLimits.MAX_TEXT_FILE_BYTES) + " sendscope reads as one text");
            }
            StringBuilder out = new StringBuilder((int) Math.min(size, Integer.MAX_VALUE - 16));
            try (InputStream in = Files.newInputStream(path)) {
                scan(in, displayName, out);
            }
            return out.toString();
        } catch (IOException e) {
            throw new LoadException(displayName, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads the whole file through the checks without keeping it (to explain why another reader failed). */
    public static void check(Path path, String displayName) {
        InputLimits.requireFile(path, displayName);
        try (InputStream in = Files.newInputStream(path)) {
            scan(in, displayName, null);
        } catch (IOException e) {
            throw new LoadException(displayName, "cannot read: " + e.getMessage(), e);
        }
    }

    /** The text without the UTF-8 byte-order mark it may start with (the one place the mark is dropped). */
    public static String withoutBom(String text) {
        return text != null && text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** A reader of {@code in} that drops the byte-order mark the text may start with. */
    public static Reader withoutBom(Reader in) throws IOException {
        PushbackReader r = new PushbackReader(in, 1);
        int c = r.read();
        if (c >= 0 && c != '\uFEFF') r.unread(c);
        return r;
    }

    /** Checks only the start of the file for another encoding (a byte-order mark, NUL bytes). */
    public static void checkEncoding(Path path, String displayName) {
        InputLimits.requireFile(path, displayName);
        try (InputStream in = Files.newInputStream(path)) {
            byte[] head = in.readNBytes(HEAD);
            refuseOtherEncodings(head, head.length, displayName);
        } catch (IOException e) {
            throw new LoadException(displayName, "cannot read: " + e.getMessage(), e);
        }
    }

    private static void scan(InputStream in, String name, StringBuilder out) throws IOException {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        byte[] buf = new byte[64 * 1024];
        byte[] line = new byte[8 * 1024];
        int len = 0;
        long lineNo = 1;
        boolean first = true;
        int n;
        while ((n = in.read(buf)) > 0) {
            int from = 0;
            if (first) {
                first = false;
                refuseOtherEncodings(buf, n, name);
                if (n >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) from = 3;
            }
            for (int i = from; i < n; i++) {
                byte b = buf[i];
                if (b == 0) {
                    throw new LoadException(name, lineNo, null, null, "a NUL byte at byte " + (len + 1)
                            + " of the line: this is not a text file (or not UTF-8); save it as UTF-8 text");
                }
                if (len == line.length) {
                    if (len >= InputLimits.MAX_LINE_BYTES) {
                        throw new LoadException(name, lineNo, null, null, "the line is longer than "
                                + InputLimits.size(InputLimits.MAX_LINE_BYTES) + ", the most sendscope reads as one line "
                                + "(is this the right file, with line breaks?)");
                    }
                    line = Arrays.copyOf(line, Math.min(line.length * 2, InputLimits.MAX_LINE_BYTES));
                }
                line[len++] = b;
                if (b == '\n') {
                    decode(utf8, line, len, lineNo, name, out);
                    len = 0;
                    lineNo++;
                }
            }
        }
        if (len > 0) decode(utf8, line, len, lineNo, name, out);
    }

    private static void decode(CharsetDecoder utf8, byte[] line, int len, long lineNo, String name, StringBuilder out) {
        ByteBuffer in = ByteBuffer.wrap(line, 0, len);
        CharBuffer chars = CharBuffer.allocate(len);
        utf8.reset();
        CoderResult r = utf8.decode(in, chars, true);
        if (!r.isError()) r = utf8.flush(chars);
        if (r.isError()) {
            int at = in.position();
            int start = Math.max(0, at - 20);
            int end = Math.min(len, at + 10);
            String around = new String(line, start, end - start, Charset.forName("windows-1252")).strip();
            throw new LoadException(name, lineNo, null, around, String.format("byte %d of the line (0x%02X) is not UTF-8; "
                    + "the file looks saved as Windows-1252 or Latin-1: save it as UTF-8", at + 1, line[at] & 0xFF));
        }
        if (out != null) out.append(chars.flip());
    }

    /** A byte-order mark or NUL bytes in the first few KB show UTF-16 or UTF-32. */
    private static void refuseOtherEncodings(byte[] head, int n, String name) {
        String found = null;
        if (starts(head, n, 0xFF, 0xFE, 0x00, 0x00)) found = "UTF-32 (little-endian, with a byte-order mark)";
        else if (starts(head, n, 0x00, 0x00, 0xFE, 0xFF)) found = "UTF-32 (big-endian, with a byte-order mark)";
        else if (starts(head, n, 0xFF, 0xFE)) found = "UTF-16 (little-endian, with a byte-order mark)";
        else if (starts(head, n, 0xFE, 0xFF)) found = "UTF-16 (big-endian, with a byte-order mark)";
        else {
            int m = Math.min(n, HEAD);
            int even = 0;
            int odd = 0;
            for (int i = 0; i < m; i++) {
                if (head[i] == 0) {
                    if (i % 2 == 0) even++;
                    else odd++;
                }
            }
            // ASCII text in UTF-16 has a NUL beside every character; a stray NUL is left to the line scan.
            if (m >= 4 && odd + even >= m / 4) {
                found = even + odd >= m / 2 + m / 8 ? "UTF-32 (no byte-order mark)"
                        : odd > even ? "UTF-16 (little-endian, no byte-order mark)" : "UTF-16 (big-endian, no byte-order mark)";
            }
        }
        if (found != null) {
            throw new LoadException(name, "this file is " + found + "; save it as UTF-8 (in Excel: Save As, "
                    + "'CSV UTF-8'; in a text editor: encoding UTF-8)");
        }
    }

    private static boolean starts(byte[] b, int n, int... prefix) {
        if (n < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if ((b[i] & 0xFF) != prefix[i]) return false;
        return true;
    }

    /**
     * The line of a character offset in a text, for a CSV parser that counts records: a record
     * starting after a quoted line break starts on a later line than its number says.
     */
    public static final class Lines {
        private final int[] breaks;

        private Lines(int[] breaks) {
            this.breaks = breaks;
        }

        /** The line breaks of {@code text}. */
        public static Lines of(String text) {
            int[] b = new int[64];
            int n = 0;
            for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
                if (n == b.length) b = Arrays.copyOf(b, n * 2);
                b[n++] = i;
            }
            return new Lines(Arrays.copyOf(b, n));
        }

        /** The 1-based line holding the character at {@code offset}. */
        public long lineOf(long offset) {
            int i = Arrays.binarySearch(breaks, (int) Math.min(offset, Integer.MAX_VALUE));
            return (i >= 0 ? i : -i - 1) + 1L;
        }
    }
}
