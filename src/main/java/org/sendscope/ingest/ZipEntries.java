package org.sendscope.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads the entries of a zip (a SEN2 release, an .xlsx) within {@link InputLimits}: an entry that
 * unpacks larger than the cap, or inflates further than the ratio allows (a zip bomb), is refused
 * as it is read, naming the entry, before it can fill the disk or the memory. The sizes a zip
 * declares are not trusted: the bytes actually inflated are counted.
 */
public final class ZipEntries {
    private final ZipFile zip;
    private final String displayName;
    private final long maxEntry;
    private final long maxTotal;
    private final int maxRatio;
    private long total;

    /** Reads {@code zip}, known in messages as {@code displayName}, within {@link InputLimits}. */
    public ZipEntries(ZipFile zip, String displayName) {
        this(zip, displayName, InputLimits.MAX_ZIP_ENTRY_BYTES, InputLimits.MAX_ZIP_TOTAL_BYTES, InputLimits.MAX_ZIP_RATIO);
    }

    /** With other limits: for tests, which cannot write a 256 MB entry to prove the cap. */
    ZipEntries(ZipFile zip, String displayName, long maxEntry, long maxTotal, int maxRatio) {
        this.zip = zip;
        this.displayName = displayName;
        this.maxEntry = maxEntry;
        this.maxTotal = maxTotal;
        this.maxRatio = maxRatio;
        if (zip.size() > InputLimits.MAX_ZIP_ENTRIES) {
            throw new LoadException(displayName, "the zip has " + zip.size() + " entries, more than the "
                    + InputLimits.MAX_ZIP_ENTRIES + " sendscope reads");
        }
    }

    /** The zip being read. */
    public ZipFile zip() {
        return zip;
    }

    /** The entry's bytes, refused as soon as they pass a limit. */
    public InputStream open(ZipEntry entry) throws IOException {
        return limit(entry, zip.getInputStream(entry));
    }

    /** {@code in}, the entry's bytes as the zip gives them, refused as soon as they pass a limit. */
    public InputStream limit(ZipEntry entry, InputStream in) {
        String where = displayName + "!" + entry.getName();
        if (entry.getSize() > maxEntry) throw tooLarge(where, entry.getSize());
        return new Counted(in, where, entry.getCompressedSize());
    }

    /**
     * Reads every entry of a zip through the limits without keeping anything: for an .xlsx handed
     * to a library that has limits of its own but not these messages.
     */
    public static void check(Path file, String displayName) {
        check(file, displayName, InputLimits.MAX_ZIP_ENTRY_BYTES);
    }

    /** As {@link #check(Path, String)}, with a lower cap on each entry. */
    public static void check(Path file, String displayName, long maxEntry) {
        try (ZipFile z = new ZipFile(file.toFile())) {
            ZipEntries entries = new ZipEntries(z, displayName, maxEntry, InputLimits.MAX_ZIP_TOTAL_BYTES,
                    InputLimits.MAX_ZIP_RATIO);
            byte[] buf = new byte[64 * 1024];
            for (var e : z.stream().filter(e -> !e.isDirectory()).toList()) {
                try (InputStream in = entries.open(e)) {
                    while (in.read(buf) >= 0) {
                        // only counting
                    }
                }
            }
        } catch (ZipException e) {
            throw new LoadException(displayName, "not a readable zip archive (truncated or damaged?): " + e.getMessage(), e);
        } catch (IOException e) {
            throw new LoadException(displayName, "cannot read: " + e.getMessage(), e);
        }
    }

    private LoadException tooLarge(String where, long bytes) {
        return new LoadException(where, "the entry unpacks to more than " + InputLimits.size(maxEntry)
                + (bytes > 0 ? " (" + InputLimits.size(bytes) + ")" : "") + ", the most sendscope unpacks from one entry");
    }

    /** Counts the bytes inflated and refuses past the limits. */
    private final class Counted extends FilterInputStream {
        private final String where;
        private final long packed;
        private long read;

        Counted(InputStream in, String where, long packed) {
            super(in);
            this.where = where;
            this.packed = packed;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count(1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count(n);
            return n;
        }

        private void count(int n) {
            read += n;
            total += n;
            if (read > maxEntry) throw tooLarge(where, 0);
            if (read > InputLimits.RATIO_CHECKED_ABOVE_BYTES && packed >= 0 && read > packed * maxRatio) {
                throw new LoadException(where, "the entry inflates more than " + maxRatio
                        + " times its packed size of " + InputLimits.size(packed) + " (a zip bomb?); refused");
            }
            if (total > maxTotal) {
                throw new LoadException(displayName, "the zip unpacks to more than " + InputLimits.size(maxTotal)
                        + " in all; refused");
            }
        }
    }
}
