package org.sendscope.ingest.kpi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sendscope.period.Period;

/**
 * Reads the rows of one scorecard table into a {@link KpiStore}: each row's KPI (matched in the
 * catalogue, or defined from its label when the catalogue does not know it), each period cell as
 * a value or status for the LA, each benchmark cell as a value for England, the region or the
 * statistical neighbours, and the row's target and required direction. A cell that cannot be read
 * is refused with a reason; nothing is guessed into a zero.
 *
 * <p>PDF text damages tables in a few recurring ways, handled here by shape: a label wrapped onto
 * a row of its own (joined to its row), free-text notes in a column the header does not name
 * (ignored, as a named notes column is), an empty cell (a period not yet recorded: nothing stored,
 * nothing refused), two KPIs' rows run into one with two values per cell
 * (split when the catalogue can split the label), page numbers and stray glyphs in the margin
 * column (ignored), and rows without a KPI number in a numbered table (refused).
 */
public final class KpiTableReader {
    private final KpiCatalogue catalogue;
    private final KpiLoadContext context;
    private final KpiStore store;

    public KpiTableReader(KpiCatalogue catalogue, KpiLoadContext context, KpiStore store) {
        this.catalogue = catalogue;
        this.context = context;
        this.store = store;
    }

    /** Reads every row of the table. */
    public void read(KpiTable table) {
        KpiHeader h = table.header();
        int numberCol = h.indexOf(KpiColumn.Role.NUMBER);
        for (LogicalRow row : joinWrappedLabels(table, numberCol)) readRow(table, row, numberCol);
    }

    /** A row with its label possibly joined from wrapped lines. */
    private record LogicalRow(KpiTable.Row row, String label) {
    }

    private List<LogicalRow> joinWrappedLabels(KpiTable table, int numberCol) {
        KpiHeader h = table.header();
        List<LogicalRow> out = new ArrayList<>();
        String prefix = null;
        String prefixNumber = null;
        List<KpiTable.Row> rows = table.rows();
        for (int i = 0; i < rows.size(); i++) {
            KpiTable.Row r = rows.get(i);
            String label = KpiCell.clean(r.cell(h.labelIndex()));
            boolean hasValues = hasValues(h, r);
            if (hasValues && r.cells().size() > h.columns().size()) {
                // more cells than the header: say so rather than guess which column they belong to,
                // unless the cell is free text (an unheaded notes column): words are no value to lose
                for (int k = h.columns().size(); k < r.cells().size(); k++) {
                    if (!KpiCell.clean(r.cell(k)).isEmpty() && !isFreeText(r.cell(k))) {
                        store.reject(r.line(), "column " + (k + 1), r.cell(k), "a cell beyond the table's header", table.name());
                    }
                }
            }
            String number = numberCol >= 0 ? KpiCell.clean(r.cell(numberCol)) : "";
            if (!hasValues) {
                if (label.isEmpty() || !hasLetters(label)) continue;
                String next = i + 1 < rows.size() ? KpiCell.clean(rows.get(i + 1).cell(h.labelIndex())) : "";
                boolean nextContinues = !next.isEmpty() && Character.isLowerCase(next.charAt(0));
                if (numberCol >= 0 && !number.isEmpty() || nextContinues) {
                    prefix = label;             // the label wraps onto the next row
                    prefixNumber = number;
                } else if (!out.isEmpty()) {    // perhaps the tail of the previous row's label
                    LogicalRow last = out.get(out.size() - 1);
                    String joined = last.label() + " " + label;
                    boolean known = catalogue.match(last.label()).isPresent();
                    if (catalogue.match(joined).isPresent() || !known && Character.isLowerCase(label.charAt(0))) {
                        out.set(out.size() - 1, new LogicalRow(last.row(), joined));
                    }
                }
                continue;
            }
            if (prefix != null && (numberCol < 0 || number.equals(prefixNumber))) label = prefix + " " + label;
            prefix = null;
            prefixNumber = null;
            out.add(new LogicalRow(r, label));
        }
        return out;
    }

    private static boolean hasValues(KpiHeader h, KpiTable.Row r) {
        for (KpiColumn c : h.columns()) {
            if ((c.holdsValues() || c.role() == KpiColumn.Role.TARGET) && !KpiCell.clean(r.cell(c.index())).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** The label of the row being read (as joined), for the few rules that depend on its words. */
    private String rowLabel = "";

    private void readRow(KpiTable table, LogicalRow lr, int numberCol) {
        KpiHeader h = table.header();
        KpiTable.Row r = lr.row();
        String label = lr.label();
        rowLabel = label;
        if (numberCol >= 0 && !KpiCell.clean(r.cell(numberCol)).matches("\\d+( \\d+)*")) {
            refuseRow(table, r, "row has no KPI number in a numbered table (a section heading or text damaged in extraction)");
            return;
        }
        if (!hasLetters(label)) {
            refuseRow(table, r, "row has no KPI label");
            return;
        }
        int parts = 1;
        for (KpiColumn c : h.columns()) {
            if (c.role() == KpiColumn.Role.PERIOD && c.distrust() == null && !KpiCell.clean(r.cell(c.index())).isEmpty()) {
                parts = KpiCell.tokens(r.cell(c.index())).size();
                break;
            }
        }
        List<KpiMeasure> measures = new ArrayList<>();
        if (parts > 1) {
            Optional<List<KpiMeasure>> split = catalogue.split(label, parts);
            if (split.isEmpty()) {
                refuseRow(table, r, "row holds " + parts + " KPIs run together and the label cannot be split into known KPIs");
                return;
            }
            measures.addAll(split.get());
        } else {
            Optional<KpiMeasure> m = catalogue.match(label);
            int numbers = numberCol < 0 ? 0 : KpiCell.clean(r.cell(numberCol)).split(" ").length;
            if (m.isEmpty() && numbers > 1) {
                refuseRow(table, r, "row holds " + numbers + " KPI numbers run together and its label is no single known KPI");
                return;
            }
            // a label that runs on into the next KPI's title: only when the row has one KPI number
            if (m.isEmpty()) m = catalogue.matchStart(label);
            if (m.isEmpty()) {
                if (Character.isLowerCase(label.charAt(0))) {
                    refuseRow(table, r, "label '" + label + "' is a fragment of a KPI title split by extraction");
                    return;
                }
                m = Optional.of(defined(define(label, table, r, h), table));
                store.measure(m.get());
            }
            measures.add(m.get());
        }
        for (int k = 0; k < measures.size(); k++) readPart(table, r, measures.get(k), k, parts);
    }

    private void readPart(KpiTable table, KpiTable.Row r, KpiMeasure m, int part, int parts) {
        KpiHeader h = table.header();
        Double target = null;
        String targetStatus = null;
        String targetRaw = null;
        String direction = null;
        String directionRaw = null;
        for (KpiColumn c : h.columns()) {
            String raw = r.cell(c.index());
            if (KpiCell.clean(raw).isEmpty()) continue;
            if (c.role() == KpiColumn.Role.DIRECTION) {
                List<String> glyphs = List.of(KpiCell.clean(raw).split(" "));
                directionRaw = parts == 1 ? KpiCell.clean(raw) : glyphs.size() == parts ? glyphs.get(part) : null;
                direction = direction(directionRaw);
                continue;
            }
            if (c.role() == KpiColumn.Role.IGNORED && part == 0 && !isDirectionOrSection(c)
                    && KpiCell.parse(raw).isValue()) {
                // a number under a header that names no period, target or benchmark: say so, don't drop it
                store.reject(r.line(), c.header().trim().isEmpty() ? "column " + (c.index() + 1) : c.header().trim(), raw,
                        "a value under a header that names no period, target or benchmark", table.name());
                continue;
            }
            if (c.role() != KpiColumn.Role.TARGET && !c.holdsValues()) continue;
            String field = m.code() + " / " + c.header().trim();
            String cellText = raw;
            if (KpiCell.allNotApplicable(raw)) continue; // 'N/A N/A': nothing to record for any KPI of the row
            if (parts > 1) {
                List<String> tokens = KpiCell.tokens(raw);
                if (tokens.size() != parts) {
                    if (part == 0) store.reject(r.line(), c.header().trim(), raw, "cell holds " + tokens.size()
                            + " value(s) for a row of " + parts + " KPIs run together", table.name());
                    continue;
                }
                cellText = tokens.get(part);
            } else if (KpiCell.tokens(raw).size() > 1 && KpiCell.parse(raw).kind() == KpiCell.Kind.UNREADABLE) {
                store.reject(r.line(), field, raw, "cell holds " + KpiCell.tokens(raw).size() + " values for one KPI", table.name());
                continue;
            }
            if (c.distrust() != null) {
                store.reject(r.line(), field, cellText, c.distrust(), table.name());
                continue;
            }
            KpiCell cell = KpiCell.parse(cellText);
            if (cell.kind() == KpiCell.Kind.UNREADABLE) {
                store.reject(r.line(), field, cellText, cell.reason(), table.name());
                continue;
            }
            String unit = c.role() == KpiColumn.Role.BENCHMARK
                    ? catalogue.byCode(m.benchmarkCode()).map(KpiMeasure::unit).orElse(m.unit()) : m.unit();
            if (cell.isValue() && !cell.rate() && !c.rate() && cell.unit() != null && unit != null
                    && !cell.unit().equals(unit)) {
                store.reject(r.line(), field, cellText, "a value in " + cell.unit() + " in a row of " + unit, table.name());
                continue;
            }
            switch (c.role()) {
                case TARGET -> {
                    if (cell.kind() == KpiCell.Kind.NOT_APPLICABLE) continue;
                    targetRaw = cellText;
                    target = cell.value();
                    targetStatus = cell.status();
                }
                case PERIOD -> period(table, r, m, c, cell);
                case BENCHMARK -> benchmark(table, r, m, c, cell, cellText, field);
                default -> { }
            }
        }
        if (targetRaw != null || directionRaw != null && !directionRaw.isEmpty()) {
            Optional<Period[]> span = h.span();
            store.target(new KpiStore.Target(m.code(), context.areaCode(), target, targetStatus, targetRaw, direction,
                    directionRaw, span.map(s -> s[0]).orElse(null), span.map(s -> s[1]).orElse(null), r.line(),
                    table.name()));
        }
    }

    private void period(KpiTable table, KpiTable.Row r, KpiMeasure m, KpiColumn c, KpiCell cell) {
        Period p = cell.ownPeriod() != null ? cell.ownPeriod() : c.period();
        String status = cell.kind() == KpiCell.Kind.NOT_APPLICABLE ? "n/a" : cell.status();
        String measure = cell.rate() ? rateOf(m.code()) : m.code();
        store.add(new KpiStore.Observation(context.areaCode(), context.areaName(), "local_authority", measure, p,
                cell.value(), status, r.line(), table.name()));
        second(table, r, m, cell, context.areaCode(), context.areaName(), "local_authority", p);
    }

    private void benchmark(KpiTable table, KpiTable.Row r, KpiMeasure m, KpiColumn c, KpiCell cell, String raw, String field) {
        if (cell.kind() == KpiCell.Kind.NOT_APPLICABLE) return; // no benchmark: nothing to record
        Period p = cell.ownPeriod() != null ? cell.ownPeriod() : c.period();
        if (p == null) {
            store.reject(r.line(), field, raw, "benchmark value without a period (neither the header nor the cell names one)",
                    table.name());
            return;
        }
        String code;
        String name;
        String level;
        switch (c.benchmark()) {
            case ENGLAND -> {
                code = "E92000001";
                name = "England";
                level = "england";
            }
            case REGION -> {
                String named = KpiHeader.regionCode(c.header());
                code = named != null ? named : context.regionCode();
                if (code == null) {
                    store.reject(r.line(), field, raw, "the region of " + context.areaCode() + " is not known (load LAIT or "
                            + "name the region in the header)", table.name());
                    return;
                }
                name = named != null ? c.header().replaceAll("\\(.*\\)", "").trim() : null;
                level = "region";
            }
            default -> {
                code = context.neighboursCode();
                name = "Statistical neighbours of " + (context.areaName() == null ? context.areaCode() : context.areaName());
                level = "statistical_neighbours";
            }
        }
        boolean rate = cell.rate() || c.rate();
        String measure = rate ? rateOf(m.benchmarkCode()) : m.benchmarkCode();
        p = censusIfJanuary(catalogue, measure, p);
        store.add(new KpiStore.Observation(code, name, level, measure, p, cell.value(), cell.status(), r.line(), table.name()));
        second(table, r, m, cell, code, name, level, p);
    }

    /** The second figure in a bracket: the rate beside a count, or the count beside a percentage. */
    private void second(KpiTable table, KpiTable.Row r, KpiMeasure m, KpiCell cell, String code, String name,
                        String level, Period p) {
        if (cell.second() == null) return;
        if (rowLabel.contains("£") || "gbp".equals(m.unit())) {
            // '89 (3.9)' in a row about money: the bracket is a cost, not a rate or a count
            store.reject(r.line(), m.code() + " " + p.label(), cell.raw(), "the bracketed figure in a row about money "
                    + "is a cost, not a rate: not loaded", table.name());
            return;
        }
        String measure = "percent".equals(cell.unit()) || m.isPercent() ? m.code() + "_n" : rateOf(m.code());
        store.add(new KpiStore.Observation(code, name, level, measure, p, cell.second(), "reported", r.line(), table.name()));
    }

    /**
     * A benchmark of a caseload as at January ({@code 389171 (Jan 23)}) is the January census:
     * England and regional caseloads are only published that way.
     */
    static Period censusIfJanuary(KpiCatalogue catalogue, String measure, Period p) {
        boolean caseload = catalogue.byCode(measure).map(x -> "caseload".equals(x.topic())).orElse(false);
        if (caseload && p.kind() == org.sendscope.period.PeriodKind.MONTH && p.start().getMonthValue() == 1) {
            return Period.censusJanuary(p.start().getYear(), p.label());
        }
        return p;
    }

    private static String rateOf(String code) {
        return code.endsWith("_rate") ? code : code + "_rate";
    }

    private void refuseRow(KpiTable table, KpiTable.Row r, String reason) {
        KpiHeader h = table.header();
        for (KpiColumn c : h.columns()) {
            if (!(c.holdsValues() || c.role() == KpiColumn.Role.TARGET)) continue;
            String raw = r.cell(c.index());
            if (KpiCell.clean(raw).isEmpty() || KpiCell.allNotApplicable(raw)) continue;
            store.reject(r.line(), c.header().trim(), raw, reason, table.name());
        }
    }

    private final java.util.Map<String, String> definedIn = new java.util.HashMap<>();

    /**
     * A label the catalogue does not know names one KPI within a table, not across tables: 'All'
     * or 'Boys' in an attainment table means a different measure in the next table. So a code
     * defined from a label is qualified by the table's caption when another table with other
     * periods already used it.
     */
    private KpiMeasure defined(KpiMeasure m, KpiTable table) {
        String signature = table.caption() + "|" + table.header().columns().stream()
                .filter(c -> c.role() == KpiColumn.Role.PERIOD).map(KpiColumn::header).toList();
        String was = definedIn.putIfAbsent(m.code(), signature);
        if (was == null || was.equals(signature)) return m;
        String qualifier = table.caption().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
        if (qualifier.length() > 30) qualifier = qualifier.substring(0, 30).replaceAll("_$", "");
        String code = m.code() + "__" + (qualifier.isEmpty() ? "line_" + table.headerLine() : qualifier);
        definedIn.putIfAbsent(code, signature);
        return new KpiMeasure(code, m.title() + " (" + table.caption() + ")", m.unit(), m.polarity(), m.topic(),
                null, null, m.definition(), m.variants());
    }

    /** A KPI the catalogue does not know: defined from its label, so that an unseen paper still loads. */
    private KpiMeasure define(String label, KpiTable table, KpiTable.Row r, KpiHeader h) {
        String code = KpiMeasure.localCode(label);
        boolean percent = label.trim().startsWith("%") || label.toLowerCase(Locale.ROOT).startsWith("percentage");
        for (KpiColumn c : h.columns()) {
            if (c.role() == KpiColumn.Role.PERIOD && "percent".equals(KpiCell.parse(r.cell(c.index())).unit())) percent = true;
        }
        String direction = null;
        int d = h.indexOf(KpiColumn.Role.DIRECTION);
        if (d >= 0) direction = direction(KpiCell.clean(r.cell(d)));
        String polarity = "up".equals(direction) ? "higher_is_better" : "down".equals(direction) ? "lower_is_better" : "neutral";
        return new KpiMeasure(code, label.trim(), percent ? "percent" : null, polarity, "local",
                null, null, "Not in the KPI catalogue: defined from the row label in " + context.fileName()
                + " line " + r.line() + ".", List.of(label));
    }

    /**
     * The required direction a glyph stands for. Arrows survive PDF extraction badly: ▲ ↑ and the
     * 'A' BCP's arrows become mean up, ▼ ↓ v mean down, ↔ means hold steady; '•' and other
     * glyphs stand for arrows of either direction, so they are kept as written and read as unknown.
     */
    static String direction(String glyph) {
        if (glyph == null || glyph.isBlank()) return null;
        String g = glyph.trim().split(" ")[0];
        return switch (g) {
            case "▲", "↑", "A", "⬆", "up", "Up", "higher", "Higher" -> "up";
            case "▼", "↓", "v", "V", "⬇", "down", "Down", "lower", "Lower" -> "down";
            case "↔", "\\leftrightarrow", "\\Leftrightarrow", "steady", "Steady", "maintain", "Maintain" -> "steady";
            default -> null;
        };
    }

    /** Columns whose cells are not KPI values: the actual direction of travel, the plan section. */
    private static boolean isDirectionOrSection(KpiColumn c) {
        String h = c.header().toLowerCase(Locale.ROOT).replace(" ", "");
        return h.contains("direction") || h.contains("section") || h.contains("priority") || h.contains("difference")
                || h.contains("change") || h.contains("variance") || h.contains("movement");
    }

    /** Words rather than a value or status: a note such as "June return delayed" (but not "c.380"). */
    static boolean isFreeText(String raw) {
        return KpiCell.parse(raw).kind() == KpiCell.Kind.UNREADABLE && KpiCell.clean(raw).matches(".*\\p{L}{3}.*");
    }

    private static boolean hasLetters(String s) {
        int letters = 0;
        for (int i = 0; i < s.length(); i++) if (Character.isLetter(s.charAt(i))) letters++;
        return letters >= 2;
    }
}
