-- The measure catalogue as the analysis layer sees it: the public view `measures` plus the measures
-- derived in `analysis_observations` (the project's own definitions, source 'derived').
CREATE OR REPLACE VIEW analysis_measures AS
SELECT measure, title, unit, polarity, source, definition, comparable_with, topic FROM measures
UNION ALL
SELECT * FROM (VALUES
('ehc_plans_growth_1y_pct', 'Growth in EHC plans on the year before', 'percent', 'neutral', 'derived',
  'All EHC plans as at January against the January before, as a percentage change: 100 * (this / last - 1). From ehc_plans (SEN2).',
  NULL, 'EHC plans'),
 ('ehc_plans_growth_5y_pct', 'Growth in EHC plans over five years', 'percent', 'neutral', 'derived',
  'All EHC plans as at January against five Januaries before, as a percentage change. From ehc_plans (SEN2). Missing where the LA did not exist five years before (BCP before 2025).',
  NULL, 'EHC plans'),
 ('ehc_plans_mainstream_pct', 'Share of EHC plans with a mainstream placement', 'percent', 'higher_is_better', 'derived',
  'EHC plans as at January placed in mainstream schools (LA maintained, academy, free school and independent mainstream, with resourced provision and SEN units) as a percentage of all EHC plans. From ehc_plans placement breakdown (SEN2). Higher is better as BCP''s improvement plan requires (KPI "% of EHCPs in Mainstream", direction up).',
  NULL, 'EHC plans')
) AS d(measure, title, unit, polarity, source, definition, comparable_with, topic)
WHERE measure NOT IN (SELECT measure FROM measures);

-- The measures the analysis layer derives from observations (analysis_measures). A derived value
-- carries source 'derived:<input measure>', the later vintage and the later load of its inputs.
-- derived_observations_of(measure_list): the derived measures in the list (NULL: all), as the marts
-- refresh them.
CREATE OR REPLACE MACRO derived_observations_of(measure_list) AS TABLE
WITH plans AS (
    SELECT * FROM observations
    WHERE measure = 'ehc_plans' AND breakdown = 'total' AND period_kind = 'census_january'
),
mainstream AS (
    SELECT area_code, period_start, period_end, sum(value) AS value, count(value) AS n, max(vintage) AS vintage,
           max(load_id) AS load_id
    FROM observations
    WHERE measure = 'ehc_plans' AND breakdown = 'placement:mainstream' AND period_kind = 'census_january'
    GROUP BY ALL
),
derived AS (
SELECT c.area_code, c.area_name, c.level, 'ehc_plans_growth_1y_pct' AS measure, 'total' AS breakdown,
       'census_january' AS period_kind, c.period_label, c.period_start, c.period_end,
       CASE WHEN p.value > 0 AND c.value IS NOT NULL THEN round(100 * (c.value / p.value - 1), 6) END AS value,
       CASE WHEN p.value > 0 AND c.value IS NOT NULL THEN 'reported' ELSE coalesce(nullif(c.status, 'reported'), nullif(p.status, 'reported'), 'x') END AS status,
       'derived:ehc_plans' AS source, greatest(c.vintage, p.vintage) AS vintage, greatest(c.load_id, p.load_id) AS load_id
FROM plans c JOIN plans p
  ON p.area_code = c.area_code AND CAST(p.period_start + INTERVAL 1 YEAR AS DATE) = c.period_start
UNION ALL
SELECT c.area_code, c.area_name, c.level, 'ehc_plans_growth_5y_pct', 'total', 'multi_year',
       p.period_label || ' to ' || c.period_label, p.period_start, c.period_end,
       CASE WHEN p.value > 0 AND c.value IS NOT NULL THEN round(100 * (c.value / p.value - 1), 6) END,
       CASE WHEN p.value > 0 AND c.value IS NOT NULL THEN 'reported' ELSE coalesce(nullif(c.status, 'reported'), nullif(p.status, 'reported'), 'x') END,
       'derived:ehc_plans', greatest(c.vintage, p.vintage), greatest(c.load_id, p.load_id)
FROM plans c JOIN plans p
  ON p.area_code = c.area_code AND CAST(p.period_start + INTERVAL 5 YEAR AS DATE) = c.period_start
UNION ALL
SELECT c.area_code, c.area_name, c.level, 'ehc_plans_mainstream_pct', 'total', 'census_january', c.period_label,
       c.period_start, c.period_end,
       CASE WHEN c.value > 0 AND m.n > 0 THEN round(100 * m.value / c.value, 6) END,
       CASE WHEN c.value > 0 AND m.n > 0 THEN 'reported' ELSE coalesce(nullif(c.status, 'reported'), 'x') END,
       'derived:ehc_plans', greatest(c.vintage, m.vintage), greatest(c.load_id, m.load_id)
FROM plans c JOIN mainstream m
  ON m.area_code = c.area_code AND m.period_start = c.period_start AND m.period_end = c.period_end
)
SELECT * FROM derived WHERE measure_list IS NULL OR list_contains(measure_list, measure);

-- observations plus the derived measures; analysis_observations_of(measure_list) the same for a list
-- of measures (NULL: all).
CREATE OR REPLACE MACRO analysis_observations_of(measure_list) AS TABLE
SELECT * FROM observations WHERE measure_list IS NULL OR list_contains(measure_list, measure)
UNION ALL
SELECT * FROM derived_observations_of(measure_list);

-- Only the derived rows are stored (warehouse/Marts, docs/decisions/0150): the rest is mart_observations,
-- which need not be written twice. Both are kept in area order, so one area's rows are found quickly.
DROP TABLE IF EXISTS mart_analysis_observations;
CREATE OR REPLACE TABLE mart_derived_observations AS SELECT * FROM derived_observations_of(NULL) ORDER BY area_code;
CREATE OR REPLACE VIEW analysis_observations AS
SELECT * FROM mart_observations UNION ALL SELECT * FROM mart_derived_observations;
