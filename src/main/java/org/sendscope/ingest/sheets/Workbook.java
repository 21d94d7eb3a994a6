package org.sendscope.ingest.sheets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import org.sendscope.ingest.InputLimits;
import org.sendscope.ingest.LoadException;
import org.sendscope.ingest.ZipEntries;

/**
 * The cell values of an Excel (.xlsx) workbook, read straight from its XML with StAX: sheet names,
 * shared strings and each cell's type and raw text, nothing else (no styles, no formulas, no
 * dates). The DfE files we load are small plain tables; Apache POI's workbook model takes one to
 * two seconds of CPU to start in a fresh JVM, which alone would spend a third of the five-second
 * budget for loading the DfE set (docs/decisions/0012-neighbours-and-dsg-loading.md).
 * {@code WorkbookTest} checks this reader against POI on every real sheet.
 */
public final class Workbook {
    private static final XMLInputFactory XML = xmlFactory();
    private final Path file;
    private final Map<String, String> sheetPaths;
    private final Map<String, Worksheet> sheets = new LinkedHashMap<>();

    private Workbook(Path file, Map<String, String> sheetPaths) {
        this.file = file;
        this.sheetPaths = sheetPaths;
    }

    /**
     * Reads every sheet of a workbook; refuses a file that is not a readable .xlsx, and one whose
     * parts pass {@link InputLimits} (entry sizes, shared strings) or declare a DTD.
     */
    public static Workbook read(Path file) {
        InputLimits.requireFile(file, file.toString());
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Parts parts = new Parts(zip, file.toString());
            Map<String, String> targets = relationships(parts);
            Map<String, String> paths = sheetPaths(parts, targets);
            List<String> strings = sharedStrings(parts);
            Workbook wb = new Workbook(file, paths);
            for (Map.Entry<String, String> e : paths.entrySet()) {
                ZipEntry entry = zip.getEntry(e.getValue());
                if (entry == null) throw new LoadException(file.toString(), "sheet '" + e.getKey() + "' is missing from the file");
                wb.sheets.put(e.getKey(), readSheet(e.getKey(), file + ", sheet '" + e.getKey() + "'", parts.xml(entry), strings));
            }
            return wb;
        } catch (Parts.BadXml e) {
            throw e.refusal();
        } catch (IOException | XMLStreamException | RuntimeException e) {
            if (e instanceof LoadException le) throw le;
            throw new LoadException(file.toString(), "not a readable Excel workbook: " + e.getMessage(), e);
        }
    }

    /**
     * The workbook's XML parts, each read through the zip limits and refused if it declares a DTD:
     * Excel never writes one, and a DTD is how external entities (reading other files) and entity
     * expansion (a few bytes growing to gigabytes) get in.
     */
    private static final class Parts {
        private final ZipEntries entries;
        private final String file;

        Parts(ZipFile zip, String file) {
            this.entries = new ZipEntries(zip, file);
            this.file = file;
        }

        XMLStreamReader xml(ZipEntry entry) throws IOException, XMLStreamException {
            String part = file + "!" + entry.getName();
            InputStream in = entries.open(entry);
            XMLStreamReader reader;
            try {
                reader = XML.createXMLStreamReader(in);
            } catch (XMLStreamException e) {
                throw new BadXml(part, e);
            }
            return new StreamReaderDelegate(reader) {
                @Override
                public int next() throws XMLStreamException {
                    try {
                        int ev = super.next();
                        if (ev == XMLStreamConstants.DTD) {
                            throw new LoadException(part, "the XML declares a DTD (<!DOCTYPE …>), which Excel never "
                                    + "writes; external entities and entity expansion are refused, so the file is not read");
                        }
                        return ev;
                    } catch (XMLStreamException e) {
                        throw new BadXml(part, e);
                    }
                }

                @Override
                public String getElementText() throws XMLStreamException {
                    try {
                        return super.getElementText();
                    } catch (XMLStreamException e) {
                        throw new BadXml(part, e);
                    }
                }

                @Override
                public void close() throws XMLStreamException {
                    super.close();
                    try {
                        in.close();
                    } catch (IOException ignored) {
                        // the zip is closed with the workbook
                    }
                }
            };
        }

        /** Not well-formed XML in a part: refused with the part, line and column, without the parser's prefix. */
        static final class BadXml extends RuntimeException {
            private final String part;
            private final XMLStreamException cause;

            BadXml(String part, XMLStreamException cause) {
                super(cause);
                this.part = part;
                this.cause = cause;
            }

            LoadException refusal() {
                String m = cause.getMessage() == null ? "" : cause.getMessage();
                int i = m.indexOf("Message: ");
                String why = (i >= 0 ? m.substring(i + 9) : m).strip();
                if (why.contains("was referenced, but not declared")) {
                    why += " (entities other than &amp; &lt; &gt; &quot; &apos; are refused)";
                }
                var at = cause.getLocation();
                return new LoadException(part, at == null ? null : (long) at.getLineNumber(),
                        null, null, (at == null ? "" : "character " + at.getColumnNumber() + ": ")
                        + "not well-formed XML: " + why);
            }
        }
    }

    /**
     * Checks a workbook that another library will read: every part within the zip limits, and no
     * XML part declaring a DTD. Only the prolog of each XML part is parsed.
     */
    public static void checkParts(Path file, String displayName) {
        InputLimits.requireFile(file, displayName);
        ZipEntries.check(file, displayName, InputLimits.MAX_POI_PART_BYTES);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Parts parts = new Parts(zip, displayName);
            for (ZipEntry e : zip.stream().filter(e -> e.getName().endsWith(".xml") || e.getName().endsWith(".rels")).toList()) {
                XMLStreamReader r = parts.xml(e);
                while (r.hasNext() && r.next() != XMLStreamConstants.START_ELEMENT) {
                    // the DTD, if any, comes before the root element
                }
                r.close();
            }
        } catch (Parts.BadXml e) {
            throw e.refusal();
        } catch (IOException | XMLStreamException e) {
            throw new LoadException(displayName, "not a readable Excel workbook: " + e.getMessage(), e);
        }
    }

    /** The sheets in workbook order. */
    public List<Worksheet> sheets() {
        return new ArrayList<>(sheets.values());
    }

    public Path file() {
        return file;
    }

    /** Sheet names and where each sheet's XML is. */
    Map<String, String> sheetPaths() {
        return sheetPaths;
    }

    private static Map<String, String> relationships(Parts zip) throws IOException, XMLStreamException {
        Map<String, String> targets = new HashMap<>();
        ZipEntry rels = zip.entries.zip().getEntry("xl/_rels/workbook.xml.rels");
        if (rels == null) throw new IOException("no xl/_rels/workbook.xml.rels");
        XMLStreamReader r = zip.xml(rels);
        try {
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("Relationship")) {
                    String target = r.getAttributeValue(null, "Target");
                    String path = target.startsWith("/") ? target.substring(1) : "xl/" + target;
                    targets.put(r.getAttributeValue(null, "Id"), path);
                }
            }
        } finally {
            r.close();
        }
        return targets;
    }

    private static Map<String, String> sheetPaths(Parts zip, Map<String, String> targets) throws IOException, XMLStreamException {
        Map<String, String> paths = new LinkedHashMap<>();
        ZipEntry wb = zip.entries.zip().getEntry("xl/workbook.xml");
        if (wb == null) throw new IOException("no xl/workbook.xml");
        XMLStreamReader r = zip.xml(wb);
        try {
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("sheet")) {
                    String id = null;
                    for (int i = 0; i < r.getAttributeCount(); i++) {
                        if (r.getAttributeLocalName(i).equals("id")) id = r.getAttributeValue(i);
                    }
                    String target = targets.get(id);
                    if (target == null) throw new IOException("sheet '" + r.getAttributeValue(null, "name") + "' has no part");
                    paths.put(r.getAttributeValue(null, "name"), target);
                }
            }
        } finally {
            r.close();
        }
        return paths;
    }

    private static List<String> sharedStrings(Parts zip) throws IOException, XMLStreamException {
        List<String> strings = new ArrayList<>();
        ZipEntry sst = zip.entries.zip().getEntry("xl/sharedStrings.xml");
        if (sst == null) return strings;
        String part = zip.file + "!" + sst.getName();
        long chars = 0;
        XMLStreamReader r = zip.xml(sst);
        try {
            StringBuilder text = null;
            int phonetic = 0;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    switch (r.getLocalName()) {
                        case "si" -> text = new StringBuilder();
                        case "rPh" -> phonetic++;
                        case "t" -> {
                            // Phonetic runs (rPh) are reading aids, not part of the text.
                            if (text != null && phonetic == 0) text.append(r.getElementText());
                        }
                        default -> { }
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    if (r.getLocalName().equals("si")) {
                        if (text != null && text.length() > InputLimits.MAX_CELL_CHARS) {
                            throw new LoadException(part, "shared string " + (strings.size() + 1) + " is " + text.length()
                                    + " characters long, more than the " + InputLimits.MAX_CELL_CHARS + " Excel allows in a cell");
                        }
                        chars += text == null ? 0 : text.length();
                        if (strings.size() >= InputLimits.MAX_SHARED_STRINGS || chars > InputLimits.MAX_SHARED_STRING_CHARS) {
                            throw new LoadException(part, "more than " + String.format("%,d", InputLimits.MAX_SHARED_STRINGS)
                                    + " shared strings or " + InputLimits.size(InputLimits.MAX_SHARED_STRING_CHARS)
                                    + " of text, the most sendscope reads from one workbook");
                        }
                        strings.add(text == null ? "" : text.toString());
                        text = null;
                    } else if (r.getLocalName().equals("rPh")) {
                        phonetic--;
                    }
                }
            }
        } finally {
            r.close();
        }
        return strings;
    }

    private static Worksheet readSheet(String name, String where, XMLStreamReader r, List<String> strings) throws XMLStreamException {
        TreeMap<Integer, TreeMap<Integer, Worksheet.Cell>> rows = new TreeMap<>();
        int rowIndex = -1;
        int nextCol = 0;
        String ref = null;
        String type = null;
        String value = null;
        boolean inCell = false;
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                switch (r.getLocalName()) {
                    case "row" -> {
                        String rr = r.getAttributeValue(null, "r");
                        rowIndex = rr != null ? Integer.parseInt(rr) - 1 : rowIndex + 1;
                        nextCol = 0;
                    }
                    case "c" -> {
                        inCell = true;
                        ref = r.getAttributeValue(null, "r");
                        type = r.getAttributeValue(null, "t");
                        value = null;
                    }
                    case "v" -> {
                        if (inCell) value = r.getElementText();
                    }
                    case "t" -> {
                        // inline strings: <is><t>…</t></is>, possibly in several runs
                        if (inCell && "inlineStr".equals(type)) value = (value == null ? "" : value) + r.getElementText();
                    }
                    default -> { }
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("c")) {
                int col = ref != null ? columnIndex(ref) : nextCol;
                nextCol = col + 1;
                inCell = false;
                if (value == null) continue;
                if (value.length() > InputLimits.MAX_CELL_CHARS) {
                    throw new LoadException(where, (long) rowIndex + 1, columnName(col), value.substring(0, 40) + "…",
                            "the cell holds " + value.length() + " characters, more than the " + InputLimits.MAX_CELL_CHARS
                                    + " Excel allows");
                }
                String t = type == null ? "n" : type;
                String raw = switch (t) {
                    case "s" -> strings.get(Integer.parseInt(value.trim()));
                    case "b" -> "1".equals(value.trim()) ? "TRUE" : "FALSE";
                    default -> value;
                };
                String kind = switch (t) {
                    case "n" -> "number";
                    case "b" -> "boolean";
                    case "e" -> "error";
                    default -> "text";
                };
                rows.computeIfAbsent(rowIndex, k -> new TreeMap<>()).put(col, new Worksheet.Cell(col, kind, raw));
            }
        }
        return new Worksheet(name, rows);
    }

    /** {@code F4} → 5. */
    static int columnIndex(String ref) {
        int col = 0;
        for (int i = 0; i < ref.length() && Character.isLetter(ref.charAt(i)); i++) {
            col = col * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
        }
        return col - 1;
    }

    /** 5 → {@code F}. */
    public static String columnName(int index) {
        StringBuilder b = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) b.insert(0, (char) ('A' + (n - 1) % 26));
        return b.toString();
    }

    private static XMLInputFactory xmlFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return f;
    }
}
