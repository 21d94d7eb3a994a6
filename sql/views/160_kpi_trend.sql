-- Trends: every published value of every measure, area and breakdown with its change on the
-- previous period (only when that period comes straight before), its change on the baseline (the
-- first period of the series with a value), its direction of travel judged against the measure's
-- polarity (or the KPI's required direction), and its RAG rating against the target that covers the
-- period. Same rules as org.sendscope.analysis.Trend (docs/decisions/0050).
-- trend_of(area, measure_list) computes the same for one area and a list of measures (NULL: all);
-- the table macros of sql/views/180 call it so that a question reads only what it asks about.
CREATE OR REPLACE MACRO trend_of(area, measure_list) AS TABLE
WITH targets AS (   -- local KPI targets and required directions (kpi_targets, issue 3)
    SELECT measure, area_code, target, direction AS required_direction, valid_from, valid_to, vintage
    FROM kpi_targets
),
s AS NOT MATERIALIZED (
    SELECT o.*, m.unit, m.title, coalesce(m.polarity, 'neutral') AS catalogue_polarity,
           lag(o.value)        OVER w AS previous_value,
           lag(o.period_label) OVER w AS previous_label,
           lag(o.period_start) OVER w AS previous_start,
           first_value(CASE WHEN o.value IS NOT NULL THEN o.period_label END IGNORE NULLS) OVER wall AS baseline_label,
           first_value(o.value IGNORE NULLS) OVER wall AS baseline_value
    FROM analysis_observations o
    LEFT JOIN analysis_measures m ON m.measure = o.measure
    WHERE (area IS NULL OR o.area_code = area) AND (measure_list IS NULL OR list_contains(measure_list, o.measure))
    WINDOW w AS (PARTITION BY o.measure, o.area_code, o.breakdown, o.period_kind ORDER BY o.period_start, o.period_end),
           wall AS (PARTITION BY o.measure, o.area_code, o.breakdown, o.period_kind ORDER BY o.period_start, o.period_end
                    ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
),
covering AS (   -- the target and required direction stated for a span that covers the period (latest span wins)
    SELECT s.measure, s.area_code, s.period_kind, s.period_start, s.period_end,
           arg_max(t.target, (coalesce(t.valid_from, DATE '1900-01-01'), t.vintage))
               FILTER (WHERE t.target IS NOT NULL) AS target,
           arg_max(t.required_direction, (coalesce(t.valid_from, DATE '1900-01-01'), t.vintage))
               FILTER (WHERE t.required_direction IS NOT NULL) AS required_direction
    FROM s JOIN targets t
      ON t.measure = s.measure AND t.area_code = s.area_code AND s.breakdown = 'total'
     AND (t.valid_from IS NULL OR t.valid_from <= s.period_end) AND (t.valid_to IS NULL OR t.valid_to >= s.period_start)
    GROUP BY ALL
),
judged AS (
    SELECT s.*, c.target, c.required_direction,
           CASE c.required_direction WHEN 'up' THEN 'higher_is_better' WHEN 'down' THEN 'lower_is_better'
                ELSE s.catalogue_polarity END AS polarity,
           consecutive_periods(s.period_kind, s.previous_start, s.period_start) AS previous_is_consecutive
    FROM s LEFT JOIN covering c
      ON c.measure = s.measure AND c.area_code = s.area_code AND s.breakdown = 'total'
     AND c.period_kind = s.period_kind AND c.period_start = s.period_start AND c.period_end = s.period_end
)
SELECT measure, title, area_code, area_name, level, breakdown, period_kind, period_label, period_start, period_end,
       value, status, unit, polarity, required_direction,
       CASE WHEN previous_is_consecutive THEN previous_label END                         AS previous_label,
       CASE WHEN previous_is_consecutive THEN previous_value END                         AS previous_value,
       CASE WHEN previous_is_consecutive THEN value - previous_value END                 AS change_previous,
       CASE WHEN previous_is_consecutive
            THEN direction_of_travel(previous_value, value, polarity, unit) END          AS direction_of_travel,
       baseline_label,
       baseline_value,
       value - baseline_value                                                            AS change_baseline,
       direction_of_travel(baseline_value, value, polarity, unit)                        AS direction_of_travel_baseline,
       target,
       rag_rating(value, target, polarity, unit)                                         AS rag,
       CASE WHEN value IS NULL OR target IS NULL OR polarity_sign(polarity) = 0 THEN NULL
            ELSE (target - value) * polarity_sign(polarity) <= 1e-9 END                  AS meets_target,
       source, vintage, load_id
FROM judged;

-- The public views read tables computed at load time (warehouse/Marts, docs/decisions/0125): a
-- question reads stored rows instead of recomputing every window over every series.
CREATE OR REPLACE TABLE mart_kpi_trend AS SELECT * FROM trend_of(NULL, NULL) ORDER BY area_code;
CREATE OR REPLACE VIEW kpi_trend AS SELECT * FROM mart_kpi_trend;

-- The latest period of each measure, area and breakdown (a value in preference to a marker or TBC
-- for the same period end; a month in preference to a year ending the same day), with the recent
-- rate (mean change per period over the last three changes between valued periods of its series)
-- and the periods to target at that rate: 0 when met, NULL when there is no target or the rate
-- does not lead there. `direction` repeats `required_direction`, as the scorecard's column does.
-- kpi_latest_of(measure_list): the same for a list of measures (NULL: all), as the marts refresh them.
CREATE OR REPLACE MACRO kpi_latest_of(measure_list) AS TABLE
WITH valued AS (
    SELECT measure, area_code, breakdown, period_kind, period_start, period_end,
           (value - lag(value, 3) OVER w) / 3 AS rate3,
           (value - lag(value, 2) OVER w) / 2 AS rate2,
           value - lag(value, 1) OVER w       AS rate1
    FROM kpi_trend
    WHERE value IS NOT NULL AND (measure_list IS NULL OR list_contains(measure_list, measure))
    WINDOW w AS (PARTITION BY measure, area_code, breakdown, period_kind ORDER BY period_start, period_end)
),
latest AS (
    SELECT * EXCLUDE (rn) FROM (
        SELECT t.*, row_number() OVER (PARTITION BY measure, area_code, breakdown
                                       ORDER BY period_end DESC, (value IS NULL), period_start DESC, vintage DESC) AS rn
        FROM kpi_trend t
        WHERE measure_list IS NULL OR list_contains(measure_list, measure))
    WHERE rn = 1
),
rated AS (
    SELECT l.*, coalesce(v.rate3, v.rate2, v.rate1) AS recent_rate
    FROM latest l
    LEFT JOIN valued v USING (measure, area_code, breakdown, period_kind, period_start, period_end)
)
SELECT measure, title, area_code, area_name, level, breakdown, period_kind, period_label, period_start, period_end,
       value, status, unit, polarity, required_direction, required_direction AS direction,
       previous_label, previous_value, change_previous, direction_of_travel,
       baseline_label, baseline_value, change_baseline, direction_of_travel_baseline, target, rag, meets_target,
       recent_rate,
       CASE WHEN value IS NULL OR target IS NULL OR polarity_sign(polarity) = 0 THEN NULL
            WHEN (target - value) * polarity_sign(polarity) <= 1e-9 THEN 0
            WHEN recent_rate IS NULL OR recent_rate * (target - value) <= 0 THEN NULL
            ELSE CAST(ceil((target - value) / recent_rate - 1e-9) AS INTEGER) END AS periods_to_target,
       source, vintage, load_id
FROM rated;

CREATE OR REPLACE TABLE mart_kpi_latest AS SELECT * FROM kpi_latest_of(NULL) ORDER BY area_code;
CREATE OR REPLACE VIEW kpi_latest AS SELECT * FROM mart_kpi_latest;
