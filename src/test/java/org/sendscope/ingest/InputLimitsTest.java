package org.sendscope.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sendscope.testing.CliRun;
import org.sendscope.testing.SharedData;

/** The input limits: the real files fit them with room to spare, and what passes them is refused in a sentence. */
class InputLimitsTest {
    @TempDir
    Path dir;

    /** Largest entry and highest ratio over the real SEN2 zips and DfE workbooks (docs/decisions/0090-input-limits.md). */
    @Test
    void theRealReleasesFitTheZipLimitsWithRoomToSpare() throws IOException {
        long largest = 0;
        String largestName = null;
        double ratio = 0;
        String ratioName = null;
        Path dfe = SharedData.dfe("");
        try (var files = Files.walk(dfe)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".zip") || f.toString().endsWith(".xlsx")).sorted().toList()) {
                try (ZipFile z = new ZipFile(p.toFile())) {
                    for (ZipEntry e : z.stream().filter(e -> !e.isDirectory()).toList()) {
                        if (e.getSize() > largest) {
                            largest = e.getSize();
                            largestName = p.getFileName() + "!" + e.getName();
                        }
                        double r = (double) e.getSize() / Math.max(1, e.getCompressedSize());
                        if (r > ratio) {
                            ratio = r;
                            ratioName = p.getFileName() + "!" + e.getName();
                        }
                    }
                }
            }
        }
        assertEquals("education-health-and-care-plans_2022.zip!data/sen2_estab_caseload.csv", largestName);
        assertEquals(11_408_716, largest);
        assertEquals("education-health-and-care-plans_2025_to-jan-2023.zip!data/residential_settings.csv", ratioName);
        assertEquals(15.7, ratio, 0.05);
        // the caps leave a margin of more than 20 times the size and 6 times the ratio
        assertTrue(InputLimits.MAX_ZIP_ENTRY_BYTES > 20 * largest);
        assertTrue(InputLimits.MAX_ZIP_RATIO > 6 * ratio);
    }

    @Test
    void anEntryLargerThanTheCapIsRefusedAsItUnpacksNamingTheEntry() throws IOException {
        Path zip = dir.resolve("big.zip");
        byte[] noise = new byte[3 * 1024 * 1024];
        new Random(9).nextBytes(noise);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("data/caseload.csv"));
            out.write(noise);
            out.closeEntry();
        }
        try (ZipFile z = new ZipFile(zip.toFile())) {
            ZipEntries entries = new ZipEntries(z, "big.zip", 2 * 1024 * 1024, Long.MAX_VALUE, 100);
            LoadException e = assertThrows(LoadException.class, () -> {
                try (InputStream in = entries.open(z.getEntry("data/caseload.csv"))) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
            });
            assertEquals("big.zip!data/caseload.csv: the entry unpacks to more than 2 MB (3 MB), the most sendscope "
                    + "unpacks from one entry", e.getMessage());
        }
    }

    @Test
    void aTenMegabyteLineInAPaperIsRefusedAtOnce() throws IOException {
        Path paper = dir.resolve("paper.txt");
        try (OutputStream out = Files.newOutputStream(paper)) {
            out.write("Scrutiny committee\n\nKPI\tDec-23\tJan-24\n".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "No. of EHCPs 3736 ".repeat(1000).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 10 * 1024 * 1024 / chunk.length; i++) out.write(chunk);
            out.write("\n".getBytes(StandardCharsets.UTF_8));
        }
        long t0 = System.nanoTime();
        CliRun r = CliRun.of("load", "paper", paper.toString(), "--area", "E06000058", "--published", "2024-01-31",
                "--warehouse", dir.resolve("w.duckdb").toString());
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(1, r.code(), r.err());
        assertEquals("sendscope: " + paper + ", line 4: the line is longer than 2 MB, the most sendscope reads as one "
                + "line (is this the right file, with line breaks?)", r.err().strip());
        // today's extractor spends 30 s on such a line; the check stops reading after 2 MB
        assertTrue(seconds < 10, seconds + " s");
    }

    @Test
    void recordStartsFollowQuotedLineBreaksAndBlankLines() throws IOException {
        Path regular = dir.resolve("regular.csv");
        Files.writeString(regular, "a,b\r\n1,x\r\n2,y\r\n");
        assertNull(CsvLines.recordStarts(regular, "regular.csv"), "a plain file: record n is line n + 1");
        Path odd = dir.resolve("odd.csv");
        // header; record 1 on lines 2-3 (a quoted break); a blank line 4; record 2 on line 5; record 3 on lines 6-8
        Files.writeString(odd, "a,b\n1,\"x\ny\"\n\n3,z\n4,\"p\n\nq\"");
        assertArrayEquals(new long[]{2, 5, 6}, CsvLines.recordStarts(odd, "odd.csv"));
    }

    @Test
    void lineNumbersOfCharacterOffsets() {
        TextInput.Lines lines = TextInput.Lines.of("ab\ncd\n\nef");
        assertEquals(1, lines.lineOf(0));
        assertEquals(1, lines.lineOf(2));
        assertEquals(2, lines.lineOf(3));
        assertEquals(3, lines.lineOf(6));
        assertEquals(4, lines.lineOf(7));
    }

    @Test
    void utf16WithoutAByteOrderMarkAndUtf32AreNamed() throws IOException {
        Path le = dir.resolve("le.csv");
        Files.write(le, "KPI,Dec-23\nNo. of EHCPs,3736\n".getBytes(StandardCharsets.UTF_16LE));
        assertEquals("le.csv: this file is UTF-16 (little-endian, no byte-order mark); save it as UTF-8 (in Excel: "
                + "Save As, 'CSV UTF-8'; in a text editor: encoding UTF-8)",
                assertThrows(LoadException.class, () -> TextInput.read(le, "le.csv")).getMessage());
        Path u32 = dir.resolve("u32.txt");
        Files.write(u32, new byte[]{(byte) 0xFF, (byte) 0xFE, 0, 0, 'K', 0, 0, 0});
        assertTrue(assertThrows(LoadException.class, () -> TextInput.read(u32, "u32.txt")).getMessage()
                .contains("this file is UTF-32 (little-endian, with a byte-order mark)"));
        Path bom8 = dir.resolve("bom8.txt");
        Files.write(bom8, new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'o', 'k', '\n'});
        assertEquals("ok\n", TextInput.read(bom8, "bom8.txt"), "a UTF-8 byte-order mark is dropped");
    }

    @Test
    void aLongRawValueIsShownCutShortWithItsLength() {
        LoadException e = new LoadException("f.csv", 2L, "la_name", "x".repeat(3000), "too long");
        assertEquals("f.csv, line 2, column 'la_name', value '" + "x".repeat(200) + "… (3000 characters)': too long",
                e.getMessage());
        assertEquals(3000, e.raw().length(), "the exception keeps the whole value");
    }
}
