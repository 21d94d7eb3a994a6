-- Targets and required directions of local KPIs (issue 3). Every statement of a target is kept
-- (kpi_targets_all_vintages); kpi_targets shows, per KPI, area and validity span, the latest vintage.
CREATE OR REPLACE VIEW kpi_targets_all_vintages AS
SELECT t.measure, m.title, t.area_code, t.target, t.target_status, t.target_as_written, m.unit,
       t.direction, t.direction_as_written, m.polarity, t.valid_from, t.valid_to, t.period_label,
       t.source, t.vintage, t.file_name, t.line, t.load_id
FROM kpi_target_fact t
LEFT JOIN measures m USING (measure);

CREATE OR REPLACE VIEW kpi_targets AS
SELECT * EXCLUDE (rn) FROM (
    SELECT k.*, row_number() OVER (
               PARTITION BY measure, area_code, valid_from, valid_to
               ORDER BY vintage DESC, load_id DESC, (target IS NULL), line) AS rn
    FROM kpi_targets_all_vintages k)
WHERE rn = 1;

-- The latest value of each local KPI per area beside its latest target and required direction:
-- what a scorecard's "current month" column shows. Statistical-neighbour rows use the pseudo-area
-- 'SN:<LA code>' (docs/decisions/0021-statistical-neighbour-benchmarks.md).
CREATE OR REPLACE VIEW kpi_latest AS
WITH latest AS (
    SELECT * EXCLUDE (rn) FROM (
        SELECT o.*, row_number() OVER (PARTITION BY area_code, measure ORDER BY period_end DESC,
                   (value IS NULL), vintage DESC) AS rn
        FROM observations o
        WHERE level = 'local_authority'
          AND measure IN (SELECT measure FROM kpi_target_fact UNION SELECT measure FROM measure_fact
                          WHERE source LIKE 'sendscope-kpi-catalogue%' OR source LIKE 'paper:%' OR source LIKE 'kpis:%'))
    WHERE rn = 1
), tgt AS (
    SELECT * EXCLUDE (rn) FROM (
        SELECT t.*, row_number() OVER (PARTITION BY measure, area_code ORDER BY valid_to DESC NULLS LAST,
                   vintage DESC, (target IS NULL)) AS rn
        FROM kpi_targets t)
    WHERE rn = 1
)
SELECT l.area_code, l.area_name, l.measure, m.title, m.unit, l.period_kind, l.period_label, l.period_end,
       l.value, l.status, t.target, t.direction, m.polarity,
       CASE WHEN l.value IS NULL OR t.target IS NULL THEN NULL
            WHEN coalesce(t.direction, CASE m.polarity WHEN 'higher_is_better' THEN 'up'
                                                       WHEN 'lower_is_better' THEN 'down' END) = 'up'
                 THEN l.value >= t.target
            WHEN coalesce(t.direction, CASE m.polarity WHEN 'higher_is_better' THEN 'up'
                                                       WHEN 'lower_is_better' THEN 'down' END) = 'down'
                 THEN l.value <= t.target
       END AS meets_target,
       l.source, l.vintage
FROM latest l
LEFT JOIN measures m USING (measure)
LEFT JOIN tgt t ON t.measure = l.measure AND t.area_code = l.area_code;
