package org.sendscope.ees;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.OptionalLong;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A data set's CSV as downloaded, kept only once it is known to be whole: the bytes the server
 * announced ({@code Content-Length}) all arrived, a gzip stream ended properly, the text ends with
 * a line break, every row has as many fields as the header and there are as many rows as the
 * version says. A download that fails any of these is deleted and refused, so a half-file never
 * reaches the cache or a load.
 */
public final class CsvDownload {
    private CsvDownload() {
    }

    /**
     * A verified CSV.
     *
     * @param sha256 of the CSV text as kept (after any gzip is undone)
     * @param rows   data rows, header not counted
     */
    public record Verified(Path file, long bytes, long rows, int columns, String sha256) {
    }

    static Verified save(URI uri, InputStream body, String contentEncoding, OptionalLong contentLength,
                         long expectedRows, Path target) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path part = target.resolveSibling(target.getFileName() + ".part");
        CountingInput counted = new CountingInput(body);
        MessageDigest sha = sha256();
        try {
            long bytes;
            try (InputStream in = contentEncoding.equalsIgnoreCase("gzip") ? new GZIPInputStream(counted, 65536) : counted;
                 OutputStream out = new DigestOutputStream(Files.newOutputStream(part), sha)) {
                bytes = in.transferTo(out);
            } catch (EOFException | ZipException e) {
                throw new EesException(uri + ": the download is incomplete (the gzip stream broke off after "
                        + counted.count + " bytes: " + e.getMessage() + "); nothing kept, try again");
            }
            if (contentLength.isPresent() && contentLength.getAsLong() != counted.count) {
                throw new EesException(uri + ": the download is incomplete: " + counted.count + " of "
                        + contentLength.getAsLong() + " bytes arrived; nothing kept, try again");
            }
            long[] shape = check(uri, part, expectedRows);
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Verified(target, bytes, shape[0], (int) shape[1], HexFormat.of().formatHex(sha.digest()));
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /** Rows and columns of a whole CSV; refuses one that stops short. */
    private static long[] check(URI uri, Path csv, long expectedRows) throws IOException {
        long size = Files.size(csv);
        if (size == 0) throw new EesException(uri + ": the download is empty; nothing kept");
        try (var ch = Files.newByteChannel(csv)) {
            ch.position(size - 1);
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(1);
            ch.read(b);
            if (b.get(0) != '\n') {
                throw new EesException(uri + ": the download is incomplete: its last line has no line break "
                        + "(the file was cut short); nothing kept, try again");
            }
        }
        long rows = 0;
        int width;
        try (Reader r = new BufferedReader(Files.newBufferedReader(csv, StandardCharsets.UTF_8));
             CSVParser p = CSVFormat.DEFAULT.builder().get().parse(r)) {
            var it = p.iterator();
            if (!it.hasNext()) throw new EesException(uri + ": the download has no header; nothing kept");
            CSVRecord header = it.next();
            width = header.size();
            if (!header.toList().contains("time_period") || !header.toList().contains("geographic_level")) {
                throw new EesException(uri + ": not a data set in the EES format (no time_period and geographic_level "
                        + "columns in its header); nothing kept");
            }
            while (it.hasNext()) {
                CSVRecord rec = it.next();
                if (rec.size() != width) {
                    throw new EesException(uri + ": the download is incomplete or damaged: line "
                            + (rec.getRecordNumber()) + " has " + rec.size() + " fields, the header " + width
                            + "; nothing kept, try again");
                }
                rows++;
            }
        } catch (java.io.UncheckedIOException e) {
            throw new EesException(uri + ": the download cannot be read as CSV (" + e.getMessage() + "); nothing kept", e);
        }
        if (expectedRows > 0 && rows != expectedRows) {
            throw new EesException(uri + ": the download has " + rows + " rows but the version has " + expectedRows
                    + " (totalResults); nothing kept, try again");
        }
        return new long[] {rows, width};
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts the bytes that arrive, compressed, to compare with Content-Length. */
    private static final class CountingInput extends FilterInputStream {
        long count;

        CountingInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }
    }
}
