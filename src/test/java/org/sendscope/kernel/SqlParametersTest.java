package org.sendscope.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code :name} and {@code {{name}}} become {@code ?} with their values; quotes, comments and casts stay SQL. */
class SqlParametersTest {

    @Test
    void parametersBecomePlaceholdersInOrder() {
        String sql = "SELECT value::INTEGER, ':not' AS t FROM observations -- :nor\n"
                + "WHERE area_code = :area AND year(period_start) >= {{ since }} /* :nor this */ AND area_code = :area";
        assertEquals(List.of("area", "since"), List.copyOf(SqlParameters.names(sql)));
        SqlParameters.Bound b = SqlParameters.bind(sql, List.of("area", "since"), List.of("E06000058", 2022));
        assertEquals("SELECT value::INTEGER, ':not' AS t FROM observations -- :nor\n"
                + "WHERE area_code = ? AND year(period_start) >= ? /* :nor this */ AND area_code = ?", b.sql());
        assertEquals(List.of("E06000058", 2022, "E06000058"), b.values());
    }

    @Test
    void aListIsOnePlaceholderPerElement() {
        SqlParameters.Bound b = SqlParameters.bind("SELECT * FROM areas WHERE area_code IN (:areas)", List.of("areas"),
                List.of(List.of("E06000058", "E06000010", "E06000055")));
        assertEquals("SELECT * FROM areas WHERE area_code IN (?, ?, ?)", b.sql());
        assertEquals(3, b.values().size());
        assertEquals("SELECT 1 WHERE 1 IN (NULL)",
                SqlParameters.bind("SELECT 1 WHERE 1 IN (:none)", List.of("none"), List.of(List.of())).sql());
        assertThrows(IllegalArgumentException.class, () -> SqlParameters.bind("SELECT :x", List.of(), List.of()));
    }

    @Test
    void savedQueriesComposeAsCommonTableExpressionsDependenciesFirst() {
        SqlMagic.cellAsJava("%%sql --save base --no-execute\nSELECT * FROM observations;", java.util.Set.of());
        SqlMagic.cellAsJava("%%sql --save recent --with base --no-execute\nSELECT * FROM base WHERE year(period_start) > 2020",
                java.util.Set.of());
        assertEquals("WITH base AS (\nSELECT * FROM observations\n),\nrecent AS (\nSELECT * FROM base WHERE year(period_start) > 2020\n)\n"
                + "SELECT count(*) FROM recent", SqlMagic.compose("SELECT count(*) FROM recent", List.of("recent")));
        assertEquals("WITH base AS (\nSELECT * FROM observations\n),\nx AS (SELECT 1) SELECT * FROM x, base",
                SqlMagic.compose("WITH x AS (SELECT 1) SELECT * FROM x, base", List.of("base")));
        assertThrows(CellError.class, () -> SqlMagic.compose("SELECT 1", List.of("nothing_saved")));
    }
}
