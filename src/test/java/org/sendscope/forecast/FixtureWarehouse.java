package org.sendscope.forecast;

import org.sendscope.warehouse.Warehouse;

/**
 * A hand-written warehouse of twelve made-up LAs in two regions, 2010–2023: January stocks growing
 * 5–7% a year with a wobble, age bands, new plans, requests and ceased plans, and each LA's five
 * regional peers as its statistical neighbours. Not real data: enough for the engine to run.
 */
final class FixtureWarehouse {
    private FixtureWarehouse() {
    }

    static Warehouse build() {
        Warehouse w = Warehouse.inMemory();
        w.execute("""
                INSERT INTO area_fact
                SELECT 'E060001' || lpad(i::VARCHAR, 2, '0'), NULL, 'Fixture LA ' || i, 'local_authority',
                       CASE WHEN i <= 6 THEN 'E12000001' ELSE 'E12000002' END, 'Region', 1
                FROM range(1, 13) a(i)""");
        w.execute("""
                CREATE TEMP TABLE fixture_stock AS
                SELECT 'E060001' || lpad(i::VARCHAR, 2, '0') AS code, 'Fixture LA ' || i AS name, y,
                       round(400 * i * pow(1.05 + 0.01 * (i % 3), y - 2010) * (1 + 0.03 * sin(i * 7 + y))) AS total
                FROM range(1, 13) a(i), range(2010, 2024) b(y)""");
        w.execute("""
                INSERT INTO observation_fact
                SELECT code, name, 'local_authority', 'ehc_plans', 'total', 'census_january', y::VARCHAR,
                       make_date(y::INT, 1, 1), make_date(y::INT, 1, 31), total, 'reported', 'fixture', '1', 1
                FROM fixture_stock""");
        w.execute("""
                INSERT INTO observation_fact
                SELECT code, name, 'local_authority', 'ehc_plans', 'age:' || band, 'census_january', y::VARCHAR,
                       make_date(y::INT, 1, 1), make_date(y::INT, 1, 31),
                       round(total * share * (1 + 0.02 * cos(y + length(band)))), 'reported', 'fixture', '1', 1
                FROM fixture_stock,
                     (VALUES ('under_5', 0.05), ('5-10', 0.35), ('11-15', 0.32), ('16-19', 0.18), ('20-25', 0.10)) s(band, share)
                WHERE y < 2023""");
        w.execute("""
                INSERT INTO observation_fact
                SELECT code, name, 'local_authority', measure, 'total', 'calendar_year', y::VARCHAR,
                       make_date(y::INT, 1, 1), make_date(y::INT, 12, 31), round(total * rate), 'reported', 'fixture', '1', 1
                FROM fixture_stock,
                     (VALUES ('ehc_plans_new', 0.14), ('ehc_requests', 0.24), ('ehc_plans_ceased', 0.05)) m(measure, rate)
                WHERE y < 2023""");
        w.execute("""
                INSERT INTO statistical_neighbour_fact
                SELECT a.code, row_number() OVER (PARTITION BY a.code ORDER BY b.code), b.code, 'Close', 'current', '2025', 1
                FROM (SELECT DISTINCT code, CAST(substr(code, 8) AS INT) AS i FROM fixture_stock) a
                JOIN (SELECT DISTINCT code, CAST(substr(code, 8) AS INT) AS i FROM fixture_stock) b
                  ON a.code <> b.code AND (a.i <= 6) = (b.i <= 6)""");
        return w;
    }
}
