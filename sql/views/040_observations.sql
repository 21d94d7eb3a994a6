-- Every vintage of every published value.
CREATE OR REPLACE VIEW observations_all_vintages AS
SELECT area_code, area_name, level, measure, breakdown, period_kind, period_label,
       period_start, period_end, value, status, source, vintage, load_id
FROM observation_fact;

-- One row per area, measure, breakdown and period: official statistics over management
-- information over transcribed figures, then the newest release (its date, not its label), then
-- the later load. A synthetic figure is shown only for an area no real load names: it never
-- stands beside, or in place of, a real area's figures (docs/decisions/0126-which-figure-wins.md).
-- The area's name is the one of the areas view, whatever the file spelled (one name per area).
-- observations_of(measure_list) picks them for a list of measures (NULL: all), as the marts refresh them.
CREATE OR REPLACE MACRO observations_of(measure_list) AS TABLE
WITH classed AS (
    SELECT o.*, source_class(coalesce(l.source, split_part(o.source, ':', 1)), o.vintage) AS cls,
           coalesce(l.release_date, release_date_of(o.vintage)) AS release_date
    FROM observation_fact o
    LEFT JOIN loads l USING (load_id)
    WHERE measure_list IS NULL OR list_contains(measure_list, o.measure)
),
real_areas AS (
    SELECT DISTINCT a.area_code FROM area_fact a JOIN loads l USING (load_id) WHERE l.source_class <> 'synthetic'
)
SELECT v.area_code, coalesce(area_named.name, v.area_name) AS area_name, v.level, v.measure, v.breakdown,
       v.period_kind, v.period_label, v.period_start, v.period_end, v.value, v.status, v.source, v.vintage, v.load_id
FROM (
    SELECT c.*, row_number() OVER (
               PARTITION BY area_code, measure, breakdown, period_kind, period_start, period_end
               ORDER BY source_class_rank(cls), release_date DESC NULLS LAST, load_id DESC) AS rn
    FROM classed c
    WHERE cls <> 'synthetic'
       OR (level NOT IN ('england', 'region') AND area_code NOT IN (SELECT area_code FROM real_areas))) v
-- A join, not a scalar subquery: DuckDB 2.0.0.1 mis-bound the subquery's alias inside views that
-- join areas themselves ("Values list a does not have a column named valid_from").
LEFT JOIN (SELECT area_code, max(name) AS name FROM areas GROUP BY area_code) area_named ON area_named.area_code = v.area_code
WHERE v.rn = 1;

CREATE OR REPLACE TABLE mart_observations AS SELECT * FROM observations_of(NULL) ORDER BY area_code;
CREATE OR REPLACE VIEW observations AS SELECT * FROM mart_observations;
