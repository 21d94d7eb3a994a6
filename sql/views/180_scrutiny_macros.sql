-- Helpers for the scrutiny questions of sql/queries/ (sendscope ask): say a figure in words, and
-- pick the latest figures for an area as at a date. Public: analysts may use them in the console.

-- A figure as an answer says it: a percentage to one decimal with '%', a whole number with
-- thousands separators, anything else to one decimal; 'n/a' for a missing value.
CREATE OR REPLACE MACRO say(v, unit) AS
    CASE WHEN v IS NULL OR isnan(v) THEN 'n/a'
         WHEN unit_in_points(unit) THEN format('{:.1f}%', v)
         WHEN v = round(v) AND abs(v) < 1e15 THEN format('{:,}', CAST(v AS BIGINT))
         ELSE format('{:,.1f}', v) END;

-- A change with its sign: percentage points for a percentage ('+1.5 points'), the unit otherwise ('+203').
CREATE OR REPLACE MACRO say_change(v, unit) AS
    CASE WHEN v IS NULL OR isnan(v) THEN 'n/a'
         WHEN unit_in_points(unit) THEN format('{:+.1f} points', v)
         ELSE CASE WHEN v > 0 THEN '+' ELSE '' END || say(v, unit) END;

-- The benchmark clause of an answer: England, the statistical neighbours' mean, rank and quartile,
-- leaving out what is missing. A neutral measure's rank counts from the highest.
CREATE OR REPLACE MACRO say_benchmarks(england, sn_mean, sn_n, rank, n_ranked, quartile, unit, polarity) AS
    concat_ws('; ',
        CASE WHEN england IS NOT NULL THEN 'England ' || say(england, unit) END,
        CASE WHEN sn_mean IS NOT NULL THEN 'statistical neighbours'' mean ' || say(sn_mean, unit)
                                           || ' (' || sn_n || ' with data)' END,
        CASE WHEN rank IS NOT NULL THEN 'rank ' || rank || ' of ' || n_ranked || ' LAs ('
                                         || CASE WHEN polarity = 'neutral' THEN '1 = highest' ELSE '1 = best' END
                                         || '), quartile ' || quartile END);

-- The latest value (or status, such as TBC) of each listed measure for an area, per kind of period,
-- among periods ending on or before as_of; kind NULL for every kind.
CREATE OR REPLACE MACRO latest_values(area, as_of, measure_list, kind) AS TABLE
SELECT * EXCLUDE (rn) FROM (
    -- read from the kpi_trend mart, which holds every row of analysis_observations with its measure's title and unit
    SELECT o.area_code, o.area_name, o.level, o.measure, o.breakdown, o.period_kind, o.period_label, o.period_start,
           o.period_end, o.value, o.status, o.source, o.vintage, o.load_id, coalesce(o.title, o.measure) AS title, o.unit,
           row_number() OVER (PARTITION BY o.measure, o.period_kind ORDER BY o.period_end DESC) AS rn
    FROM mart_kpi_trend o
    WHERE o.area_code = area AND o.breakdown = 'total' AND o.period_end <= as_of
      AND list_contains(measure_list, o.measure) AND (kind IS NULL OR o.period_kind = kind))
WHERE rn = 1;

-- The latest published comparison (benchmark_comparison) with a value of each listed measure for an
-- area, per kind of period, among periods ending on or before as_of.
CREATE OR REPLACE MACRO latest_benchmarks(area, as_of, measure_list, kind) AS TABLE
SELECT * EXCLUDE (rn) FROM (
    SELECT b.*, coalesce(m.title, b.measure) AS title,
           row_number() OVER (PARTITION BY b.measure, b.period_kind ORDER BY b.period_end DESC) AS rn
    FROM mart_benchmark_comparison b
    LEFT JOIN analysis_measures m ON m.measure = b.measure
    WHERE b.area_code = area AND b.breakdown = 'total' AND b.period_end <= as_of AND b.value IS NOT NULL
      AND list_contains(measure_list, b.measure) AND (kind IS NULL OR b.period_kind = kind))
WHERE rn = 1;

-- latest_values joined to kpi_trend: each figure with its previous period, direction of travel,
-- target and RAG.
CREATE OR REPLACE MACRO latest_trend(area, as_of, measure_list, kind) AS TABLE
SELECT l.measure, l.title, l.unit, l.area_code, l.breakdown, l.period_kind, l.period_label, l.period_start,
       l.period_end, l.value, l.status, t.previous_label, t.previous_value, t.change_previous, t.direction_of_travel,
       t.target, t.rag, t.polarity, l.source, l.vintage, l.load_id
FROM latest_values(area, as_of, measure_list, kind) l
LEFT JOIN (SELECT * FROM mart_kpi_trend WHERE area_code = area AND list_contains(measure_list, measure)) t
       ON t.measure = l.measure AND t.area_code = l.area_code AND t.breakdown = l.breakdown
      AND t.period_kind = l.period_kind AND t.period_start = l.period_start AND t.period_end = l.period_end;

-- A figure with its movement and target in words: "110 (139 in Feb-24: improving); target 0, RED".
-- A marker or TBC is said as published, never as a number.
CREATE OR REPLACE MACRO say_trend(value, status, unit, previous_label, previous_value, direction, target, rag) AS
    CASE WHEN value IS NULL THEN 'not available (' || coalesce(status, 'no value') || ')' ELSE say(value, unit) END
    || CASE WHEN value IS NOT NULL AND previous_value IS NOT NULL
            THEN ' (' || say(previous_value, unit) || ' in ' || previous_label || ': ' || direction || ')' ELSE '' END
    || CASE WHEN target IS NOT NULL THEN '; target ' || say(target, unit) || coalesce(', ' || upper(rag), '') ELSE '' END;
