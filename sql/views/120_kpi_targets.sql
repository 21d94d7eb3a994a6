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

-- kpi_latest (each KPI's latest period with its target, RAG and direction of travel) is defined with
-- the trends in 160_kpi_trend.sql.
