package org.sendscope.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A file about to be loaded: its path, the name it is known by, and its SHA-256 checksum. */
public record SourceFile(Path path, String name, String sha256) {

    /** Reads the file once to checksum it. */
    public static SourceFile of(Path path) {
        InputLimits.requireFile(path, path.toString());
        try (InputStream in = new DigestInputStream(Files.newInputStream(path), digest())) {
            in.transferTo(OutputStreamSink.INSTANCE);
            return new SourceFile(path, path.toString(), HexFormat.of().formatHex(
                    ((DigestInputStream) in).getMessageDigest().digest()));
        } catch (IOException e) {
            throw new LoadException(path.toString(), "cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * A folder loaded as one source (an unpacked release): the checksum covers each file's relative
     * name and contents, in name order.
     */
    public static SourceFile ofDirectory(Path dir) {
        if (!Files.isDirectory(dir)) throw new LoadException(dir.toString(), "no such folder");
        MessageDigest all = digest();
        try (var files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                all.update(dir.relativize(p).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                all.update(of(p).sha256().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new LoadException(dir.toString(), "cannot read folder: " + e.getMessage(), e);
        }
        return new SourceFile(dir, dir.toString(), HexFormat.of().formatHex(all.digest()));
    }

    /** The checksum of some bytes, for bundled resources. */
    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Discards bytes (checksumming reads a file it does not otherwise need). */
    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
