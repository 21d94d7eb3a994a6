package org.sendscope.analysis;

import org.sendscope.warehouse.Warehouse;

/**
 * Small hand-written warehouses for the analysis tests. The numbers are made up, except where a
 * comment names the paper they are transcribed from.
 */
final class Fixtures {
    private Fixtures() {
    }

    static final String ENGLAND = "E92000001";
    static final String SOUTH_WEST = "E12000009";
    static final String BCP = "E06000058";

    /** An in-memory warehouse with one load, England, one region and five LAs plus BCP. */
    static Warehouse small() {
        Warehouse w = Warehouse.inMemory();
        w.execute("INSERT INTO load_log VALUES (1, 'test', 'test|1', 'fixture', 'x', 'v1', now(), now(), 0, 0, 'loaded', NULL)");
        w.execute("""
                INSERT INTO area_fact VALUES
                 ('E92000001', NULL, 'England', 'england', NULL, NULL, 1),
                 ('E12000009', NULL, 'South West', 'region', NULL, NULL, 1),
                 ('E06000901', 901, 'Ashby', 'local_authority', 'E12000009', 'South West', 1),
                 ('E06000902', 902, 'Brill', 'local_authority', 'E12000009', 'South West', 1),
                 ('E06000903', 903, 'Corby Glen', 'local_authority', 'E12000001', 'North East', 1),
                 ('E06000904', 904, 'Dunmow', 'local_authority', 'E12000001', 'North East', 1),
                 ('E06000905', 905, 'Eye', 'local_authority', 'E12000009', 'South West', 1),
                 ('E06000058', 839, 'Bournemouth, Christchurch and Poole', 'local_authority', 'E12000009', 'South West', 1),
                 ('E06000028', 837, 'Bournemouth', 'local_authority', 'E12000009', 'South West', 1)
                """);
        w.execute("""
                INSERT INTO measure_fact VALUES
                 ('pct_on_time', 'Per cent on time', 'percent', 'higher_is_better', 'test', NULL, NULL, 't', 1),
                 ('backlog', 'Backlog', 'count', 'lower_is_better', 'test', NULL, NULL, 't', 1),
                 ('local_on_time', 'Local per cent on time', 'percent', 'higher_is_better', 'test', NULL, 'pct_on_time', 't', 1),
                 ('pupils_with_plan', 'Pupils with a plan (school census)', 'count', 'neutral', 'test', NULL, NULL, 't', 1)
                """);
        // BCP's neighbours in this fixture: four of the five LAs (Eye is not one).
        w.execute("""
                INSERT INTO statistical_neighbour_fact VALUES
                 ('E06000058', 1, 'E06000901', 'Very close', 'current', '2025', 1),
                 ('E06000058', 2, 'E06000902', 'Close', 'current', '2025', 1),
                 ('E06000058', 3, 'E06000903', 'Close', 'current', '2025', 1),
                 ('E06000058', 4, 'E06000904', 'Somewhat close', 'current', '2025', 1)
                """);
        return w;
    }

    /** One observation row; {@code value} null with a marker status. */
    static void obs(Warehouse w, String area, String level, String measure, String kind, String label, String start,
                    String end, Double value, String status) {
        w.execute("INSERT INTO observation_fact VALUES ('" + area + "', NULL, '" + level + "', '" + measure + "', 'total', '"
                + kind + "', '" + label + "', DATE '" + start + "', DATE '" + end + "', "
                + (value == null ? "NULL" : value.toString()) + ", '" + status + "', 'test', 'v1', 1)");
    }

    static void calendarYear(Warehouse w, String area, String level, String measure, int year, Double value) {
        obs(w, area, level, measure, "calendar_year", Integer.toString(year), year + "-01-01", year + "-12-31", value,
                value == null ? "c" : "reported");
    }

    static void month(Warehouse w, String area, String measure, String label, String start, String end, double value) {
        obs(w, area, "local_authority", measure, "month", label, start, end, value, "reported");
    }
}
