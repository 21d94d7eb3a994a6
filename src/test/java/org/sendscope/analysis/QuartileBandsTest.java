package org.sendscope.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.sendscope.warehouse.Warehouse;

/** LAIT's own quartile and rank cases, in Java and in the SQL macros. */
class QuartileBandsTest {
    private static final QuartileBands LAIT = QuartileBands.ofCutPoints(25, 50, 75);

    @Test
    void lowPolarityBandsTheLowestValuesA() {
        assertEquals("ABCD", bands(Polarity.LOWER_IS_BETTER, 10, 30, 60, 80));
    }

    @Test
    void highPolarityBandsTheHighestValuesA() {
        assertEquals("DCBA", bands(Polarity.HIGHER_IS_BETTER, 10, 30, 60, 80));
    }

    @Test
    void aValueOnACutPointTakesTheLowerBand() {
        assertEquals("AABCD", bands(Polarity.LOWER_IS_BETTER, 0, 25, 50, 75, 100));
        // The same ranges of value seen from the other end: the lower range is the worse one.
        assertEquals("DDCBA", bands(Polarity.HIGHER_IS_BETTER, 0, 25, 50, 75, 100));
    }

    @Test
    void cutPointsAreTypeSevenQuantiles() {
        // 0, 25, 50, 75, 100 are their own type-7 quartiles.
        QuartileBands q = QuartileBands.ofValues(100, 0, 50, 25, 75);
        assertEquals(25, q.q1());
        assertEquals(50, q.q2());
        assertEquals(75, q.q3());
        // R: quantile(c(1, 2, 4, 8), type = 7) gives 1.75, 3, 5
        QuartileBands r = QuartileBands.ofValues(1, 2, 4, 8);
        assertEquals(1.75, r.q1(), 1e-12);
        assertEquals(3.0, r.q2(), 1e-12);
        assertEquals(5.0, r.q3(), 1e-12);
    }

    @Test
    void tiesShareTheBestRank() {
        assertArrayEquals(new int[] {5, 3, 3, 2, 1}, Ranking.ranks(new double[] {10, 20, 20, 30, 40},
                Polarity.HIGHER_IS_BETTER));
        assertArrayEquals(new int[] {1, 2, 2, 4, 5}, Ranking.ranks(new double[] {10, 20, 20, 30, 40},
                Polarity.LOWER_IS_BETTER));
    }

    @Test
    void theSqlMacrosGiveTheSameBandsAndQuantiles() throws Exception {
        try (Warehouse w = Warehouse.inMemory(); Statement s = w.connection().createStatement()) {
            try (ResultSet rs = s.executeQuery("""
                    SELECT string_agg(quartile_band(v, 25, 50, 75, 'lower_is_better'), '' ORDER BY v),
                           string_agg(quartile_band(v, 25, 50, 75, 'higher_is_better'), '' ORDER BY v)
                    FROM (VALUES (0), (25), (50), (75), (100)) t(v)""")) {
                rs.next();
                assertEquals("AABCD", rs.getString(1));
                assertEquals("DDCBA", rs.getString(2));
            }
            try (ResultSet rs = s.executeQuery("""
                    SELECT string_agg(quartile_band(v, 25, 50, 75, 'lower_is_better'), '' ORDER BY v),
                           string_agg(quartile_band(v, 25, 50, 75, 'higher_is_better'), '' ORDER BY v)
                    FROM (VALUES (10), (30), (60), (80)) t(v)""")) {
                rs.next();
                assertEquals("ABCD", rs.getString(1));
                assertEquals("DCBA", rs.getString(2));
            }
            try (ResultSet rs = s.executeQuery("SELECT quantile_cont(v, 0.25), quantile_cont(v, 0.5), "
                    + "quantile_cont(v, 0.75) FROM (VALUES (1.0::DOUBLE), (2.0), (4.0), (8.0)) t(v)")) {
                rs.next();
                assertEquals(1.75, rs.getDouble(1), 1e-12);
                assertEquals(3.0, rs.getDouble(2), 1e-12);
                assertEquals(5.0, rs.getDouble(3), 1e-12);
            }
            try (ResultSet rs = s.executeQuery("SELECT string_agg(CAST(r AS VARCHAR), ',' ORDER BY i) FROM ("
                    + "SELECT i, rank() OVER (ORDER BY -v) AS r FROM (VALUES (1, 10), (2, 20), (3, 20), (4, 30), (5, 40)) t(i, v))")) {
                rs.next();
                assertEquals("5,3,3,2,1", rs.getString(1));
            }
        }
    }

    private static String bands(Polarity p, double... values) {
        StringBuilder b = new StringBuilder();
        for (double v : values) b.append(LAIT.band(v, p));
        return b.toString();
    }
}
