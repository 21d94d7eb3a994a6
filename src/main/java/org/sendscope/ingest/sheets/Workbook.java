package org.sendscope.ingest.sheets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
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
import org.sendscope.ingest.LoadException;

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

    /** Reads every sheet of a workbook; refuses a file that is not a readable .xlsx. */
    public static Workbook read(Path file) {
        if (!Files.isRegularFile(file)) throw new LoadException(file.toString(), "no such file");
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Map<String, String> targets = relationships(zip);
            Map<String, String> paths = sheetPaths(zip, targets);
            List<String> strings = sharedStrings(zip);
            Workbook wb = new Workbook(file, paths);
            for (Map.Entry<String, String> e : paths.entrySet()) {
                ZipEntry entry = zip.getEntry(e.getValue());
                if (entry == null) throw new LoadException(file.toString(), "sheet '" + e.getKey() + "' is missing from the file");
                try (InputStream in = zip.getInputStream(entry)) {
                    wb.sheets.put(e.getKey(), readSheet(e.getKey(), in, strings));
                }
            }
            return wb;
        } catch (IOException | XMLStreamException | RuntimeException e) {
            if (e instanceof LoadException le) throw le;
            throw new LoadException(file.toString(), "not a readable Excel workbook: " + e.getMessage(), e);
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

    private static Map<String, String> relationships(ZipFile zip) throws IOException, XMLStreamException {
        Map<String, String> targets = new HashMap<>();
        ZipEntry rels = zip.getEntry("xl/_rels/workbook.xml.rels");
        if (rels == null) throw new IOException("no xl/_rels/workbook.xml.rels");
        try (InputStream in = zip.getInputStream(rels)) {
            XMLStreamReader r = XML.createXMLStreamReader(in);
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("Relationship")) {
                    String target = r.getAttributeValue(null, "Target");
                    String path = target.startsWith("/") ? target.substring(1) : "xl/" + target;
                    targets.put(r.getAttributeValue(null, "Id"), path);
                }
            }
        }
        return targets;
    }

    private static Map<String, String> sheetPaths(ZipFile zip, Map<String, String> targets) throws IOException, XMLStreamException {
        Map<String, String> paths = new LinkedHashMap<>();
        ZipEntry wb = zip.getEntry("xl/workbook.xml");
        if (wb == null) throw new IOException("no xl/workbook.xml");
        try (InputStream in = zip.getInputStream(wb)) {
            XMLStreamReader r = XML.createXMLStreamReader(in);
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
        }
        return paths;
    }

    private static List<String> sharedStrings(ZipFile zip) throws IOException, XMLStreamException {
        List<String> strings = new ArrayList<>();
        ZipEntry sst = zip.getEntry("xl/sharedStrings.xml");
        if (sst == null) return strings;
        try (InputStream in = zip.getInputStream(sst)) {
            XMLStreamReader r = XML.createXMLStreamReader(in);
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
                        strings.add(text == null ? "" : text.toString());
                        text = null;
                    } else if (r.getLocalName().equals("rPh")) {
                        phonetic--;
                    }
                }
            }
        }
        return strings;
    }

    private static Worksheet readSheet(String name, InputStream in, List<String> strings) throws XMLStreamException {
        TreeMap<Integer, TreeMap<Integer, Worksheet.Cell>> rows = new TreeMap<>();
        XMLStreamReader r = XML.createXMLStreamReader(in);
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
