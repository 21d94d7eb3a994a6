package org.sendscope.ingest.dfe;

import java.util.List;
import org.sendscope.breakdown.Breakdowns;
import org.sendscope.ingest.ResourceTable;

/**
 * The hand-written tables that say what each SEN2 column and label means: {@code sen2_measures.tsv}
 * (measure definitions), {@code sen2_columns.tsv} (file × column → measure and breakdown) and
 * {@code sen2_placements.tsv} (2022-release establishment labels → placement breakdowns).
 */
final class Sen2Vocabulary {
    record Measure(String code, String unit, String polarity, String title, String definition) {
    }

    record Column(String file, String column, String measure, String breakdown) {
        boolean usesRowBreakdown() {
            return "row".equals(breakdown);
        }
    }

    record Placement(String type, String group, String breakdown) {
    }

    static final List<Measure> MEASURES = read("sen2_measures.tsv").stream()
            .map(r -> new Measure(r[0], r[1], r[2], r[3], r[4])).toList();
    static final List<Column> COLUMNS = read("sen2_columns.tsv").stream()
            .map(r -> new Column(r[0], r[1], r[2], r[3])).toList();
    static final List<Placement> PLACEMENTS = read("sen2_placements.tsv").stream()
            .map(r -> new Placement(r[0], r[1], r[2])).toList();

    /** 2022-release age band labels → breakdown, from the breakdowns reference. */
    static final List<String[]> AGE_BANDS = java.util.stream.Stream.concat(
            java.util.stream.Stream.<String[]>of(new String[]{"Total", Breakdowns.TOTAL}),
            Breakdowns.ageBands().stream().map(b -> new String[]{b.label(), b.code()})).toList();

    static {
        // every fixed breakdown the tables name must be in the reference, or the build is wrong
        for (Column c : COLUMNS) {
            if (!c.usesRowBreakdown() && !Breakdowns.knows(c.breakdown())) {
                throw new IllegalStateException("sen2_columns.tsv: " + c.breakdown() + " is not in breakdowns.tsv");
            }
        }
        for (Placement p : PLACEMENTS) {
            if (!p.breakdown().equals("skip") && !Breakdowns.knows(p.breakdown())) {
                throw new IllegalStateException("sen2_placements.tsv: " + p.breakdown() + " is not in breakdowns.tsv");
            }
        }
    }

    private Sen2Vocabulary() {
    }

    /** The unit of a SEN2 measure (sen2_measures.tsv), or null for a code it does not define. */
    static String unitOf(String measure) {
        return MEASURES.stream().filter(m -> m.code().equals(measure)).map(Measure::unit).findFirst().orElse(null);
    }

    static List<Column> columnsOf(String file) {
        return COLUMNS.stream().filter(c -> c.file().equals(file)).toList();
    }

    private static List<String[]> read(String name) {
        return ResourceTable.rows(Sen2Vocabulary.class, name);
    }
}
