-- Trends: every published value of every measure, area and breakdown with its change on the
-- previous period (only when that period comes straight before), its change on the baseline (the
-- first period of the series with a value), its direction of travel judged against the measure's
-- polarity, and its RAG rating against a target. Same rules as org.sendscope.analysis.Trend.
CREATE OR REPLACE VIEW kpi_trend AS
WITH s AS (
    SELECT o.*, m.unit, coalesce(m.polarity, 'neutral') AS polarity,
           lag(o.value)        OVER w AS previous_value,
           lag(o.period_label) OVER w AS previous_label,
           lag(o.period_start) OVER w AS previous_start,
           first_value(CASE WHEN o.value IS NOT NULL THEN o.period_label END IGNORE NULLS) OVER wall AS baseline_label,
           first_value(o.value IGNORE NULLS) OVER wall AS baseline_value
    FROM analysis_observations o
    LEFT JOIN analysis_measures m ON m.measure = o.measure
    WINDOW w AS (PARTITION BY o.measure, o.area_code, o.breakdown, o.period_kind ORDER BY o.period_start, o.period_end),
           wall AS (PARTITION BY o.measure, o.area_code, o.breakdown, o.period_kind ORDER BY o.period_start, o.period_end
                    ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
),
judged AS (
    SELECT s.*,
           consecutive_periods(period_kind, previous_start, period_start) AS previous_is_consecutive,
           CAST(NULL AS DOUBLE) AS target
    FROM s
)
SELECT measure, area_code, area_name, level, breakdown, period_kind, period_label, period_start, period_end,
       value, status, unit, polarity,
       CASE WHEN previous_is_consecutive THEN previous_label END                         AS previous_label,
       CASE WHEN previous_is_consecutive THEN previous_value END                         AS previous_value,
       CASE WHEN previous_is_consecutive THEN value - previous_value END                 AS change_previous,
       CASE WHEN previous_is_consecutive
            THEN direction_of_travel(previous_value, value, polarity, unit) END          AS direction,
       baseline_label,
       baseline_value,
       value - baseline_value                                                            AS change_baseline,
       direction_of_travel(baseline_value, value, polarity, unit)                        AS direction_baseline,
       target,
       rag_rating(value, target, polarity, unit)                                         AS rag,
       source, vintage, load_id
FROM judged;

-- The latest period with a value of each measure, area, breakdown and kind of period, with the
-- recent rate (mean change per period over the last three changes, fewer if the series is shorter)
-- and the periods to target at that rate: 0 when met, NULL when the rate does not lead there.
CREATE OR REPLACE VIEW kpi_latest AS
WITH valued AS (
    SELECT t.*,
           lag(value, 1) OVER w AS v1, lag(value, 2) OVER w AS v2, lag(value, 3) OVER w AS v3,
           row_number() OVER (PARTITION BY measure, area_code, breakdown, period_kind
                              ORDER BY period_start DESC, period_end DESC) AS recency
    FROM kpi_trend t
    WHERE value IS NOT NULL
    WINDOW w AS (PARTITION BY measure, area_code, breakdown, period_kind ORDER BY period_start, period_end)
),
rated AS (
    SELECT valued.*,
           CASE WHEN v3 IS NOT NULL THEN (value - v3) / 3
                WHEN v2 IS NOT NULL THEN (value - v2) / 2
                WHEN v1 IS NOT NULL THEN value - v1 END AS recent_rate
    FROM valued
    WHERE recency = 1
)
SELECT measure, area_code, area_name, level, breakdown, period_kind, period_label, period_start, period_end,
       value, unit, polarity, previous_label, previous_value, change_previous, direction,
       baseline_label, baseline_value, change_baseline, direction_baseline, target, rag,
       recent_rate,
       CASE WHEN target IS NULL OR polarity_sign(polarity) = 0 THEN NULL
            WHEN (target - value) * polarity_sign(polarity) <= 1e-9 THEN 0
            WHEN recent_rate IS NULL OR recent_rate * (target - value) <= 0 THEN NULL
            ELSE CAST(ceil((target - value) / recent_rate - 1e-9) AS INTEGER) END AS periods_to_target,
       source, vintage, load_id
FROM rated;
