-- Every vintage of every published value.
CREATE OR REPLACE VIEW observations_all_vintages AS
SELECT area_code, area_name, level, measure, breakdown, period_kind, period_label,
       period_start, period_end, value, status, source, vintage, load_id
FROM observation_fact;

-- One row per area, measure, breakdown and period: the latest vintage wins.
CREATE OR REPLACE VIEW observations AS
SELECT * EXCLUDE (rn) FROM (
    SELECT o.*, row_number() OVER (
               PARTITION BY area_code, measure, breakdown, period_kind, period_start, period_end
               ORDER BY vintage DESC, load_id DESC) AS rn
    FROM observations_all_vintages o)
WHERE rn = 1;
