-- Every vintage of every published value.
CREATE OR REPLACE VIEW observations_all_vintages AS
SELECT area_code, area_name, level, measure, breakdown, period_kind, period_label,
       period_start, period_end, value, status, source, vintage, load_id
FROM observation_fact;

-- One row per area, measure, breakdown and period: the latest vintage wins. The area's name is
-- the one of the areas view, whatever the file spelled (one name per area).
CREATE OR REPLACE VIEW observations AS
SELECT v.* EXCLUDE (rn) REPLACE (coalesce(area_named.name, v.area_name) AS area_name)
FROM (
    SELECT o.*, row_number() OVER (
               PARTITION BY area_code, measure, breakdown, period_kind, period_start, period_end
               ORDER BY vintage DESC, load_id DESC) AS rn
    FROM observations_all_vintages o) v
-- A join, not a scalar subquery: DuckDB 2.0.0.1 mis-bound the subquery's alias inside views that
-- join areas themselves ("Values list a does not have a column named valid_from").
LEFT JOIN (SELECT area_code, max(name) AS name FROM areas GROUP BY area_code) area_named ON area_named.area_code = v.area_code
WHERE v.rn = 1;
