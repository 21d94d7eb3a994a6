-- Benchmarks: each LA's value of each measure, breakdown and period beside England, its region
-- and the mean and median of its statistical neighbours that had a value (sn_n of them; no median
-- from fewer than 5, where the "median" would be one or two LAs' figures); the gap to
-- each (value minus comparator); its rank among the LAs that existed at the period's end (1 = best,
-- ties share the best rank; highest first for a neutral measure); LAIT's quartile band A-D; and the
-- change on the previous period only when that period comes straight before. Same rules as
-- org.sendscope.analysis.BenchmarkComparison (docs/decisions/0051).
-- benchmarks_of(measure_list) computes the same for a list of measures only (NULL: every measure);
-- the table macros of sql/views/180 call it so that a question reads just the measures it asks about.
CREATE OR REPLACE MACRO benchmarks_of(measure_list) AS TABLE
WITH obs AS NOT MATERIALIZED (
    SELECT * FROM analysis_observations WHERE measure_list IS NULL OR list_contains(measure_list, measure)
),
m AS (
    SELECT measure, unit, coalesce(polarity, 'neutral') AS polarity, comparable_with FROM analysis_measures
),
la AS NOT MATERIALIZED (
    SELECT o.*, a.region_code,
           (a.valid_from IS NULL OR a.valid_from <= o.period_end)
               AND (a.valid_to IS NULL OR a.valid_to >= o.period_end) AS existed
    FROM obs o
    LEFT JOIN areas a ON a.area_code = o.area_code
    WHERE o.level = 'local_authority'
      AND o.area_code NOT LIKE 'SN:%'   -- a paper's statistical-neighbour figure, not an LA
),
pool AS NOT MATERIALIZED (   -- the LAs that are ranked: a value, the LA existed at the period's end, and it is real
    SELECT la.*, m.polarity FROM la JOIN m USING (measure) WHERE value IS NOT NULL AND existed
      AND load_id NOT IN (SELECT load_id FROM loads WHERE source_class = 'synthetic')   -- docs/decisions/0126
),
ranked AS (
    SELECT area_code, measure, breakdown, period_kind, period_start, period_end,
           rank() OVER (PARTITION BY measure, breakdown, period_kind, period_start, period_end
                        ORDER BY CASE WHEN polarity = 'lower_is_better' THEN value ELSE -value END) AS rank
    FROM pool
),
cuts AS (
    SELECT measure, breakdown, period_kind, period_start, period_end,
           quantile_cont(CAST(value AS DOUBLE), 0.25) AS q1, quantile_cont(CAST(value AS DOUBLE), 0.5) AS q2, quantile_cont(CAST(value AS DOUBLE), 0.75) AS q3,
           count(*) AS n_ranked
    FROM pool GROUP BY ALL
),
sn AS (
    SELECT s.area_code, n.measure, n.breakdown, n.period_kind, n.period_start, n.period_end,
           avg(n.value) AS sn_mean,
           CASE WHEN count(n.value) >= 5 THEN median(n.value) END AS sn_median, count(n.value) AS sn_n
    FROM statistical_neighbours s
    JOIN obs n ON n.area_code = s.neighbour_code
    GROUP BY ALL
),
series AS (
    SELECT la.*,
           lag(value)        OVER w AS prev_value,
           lag(period_label) OVER w AS prev_label,
           lag(period_start) OVER w AS prev_start
    FROM la
    WINDOW w AS (PARTITION BY measure, area_code, breakdown, period_kind ORDER BY period_start, period_end)
)
SELECT s.measure, s.area_code, s.area_name, s.breakdown, s.period_kind, s.period_label, s.period_start, s.period_end,
       s.value, s.status, m.unit, m.polarity,
       e.value AS england,
       r.value AS region, s.region_code,
       sn.sn_mean, sn.sn_median, coalesce(sn.sn_n, 0) AS sn_n,
       s.value - e.value       AS gap_england,
       s.value - r.value       AS gap_region,
       s.value - sn.sn_mean    AS gap_sn_mean,
       s.value - sn.sn_median  AS gap_sn_median,
       rk.rank, c.n_ranked,
       CASE WHEN rk.rank IS NOT NULL THEN quartile_band(s.value, c.q1, c.q2, c.q3, m.polarity) END AS quartile,
       c.q1, c.q2, c.q3,
       CASE WHEN m.polarity = 'neutral' THEN 'highest first' ELSE 'best first' END AS ranked_by,
       CASE WHEN consecutive_periods(s.period_kind, s.prev_start, s.period_start) THEN s.prev_label END AS previous_label,
       CASE WHEN consecutive_periods(s.period_kind, s.prev_start, s.period_start) THEN s.value - s.prev_value END AS change_previous,
       CASE WHEN consecutive_periods(s.period_kind, s.prev_start, s.period_start)
            THEN direction_of_travel(s.prev_value, s.value, m.polarity, m.unit) END AS direction_of_travel,
       m.comparable_with,
       s.source, s.vintage, s.load_id
FROM series s
LEFT JOIN m ON m.measure = s.measure
LEFT JOIN obs e
       ON e.level = 'england' AND e.measure = s.measure AND e.breakdown = s.breakdown
      AND e.period_kind = s.period_kind AND e.period_start = s.period_start AND e.period_end = s.period_end
LEFT JOIN obs r
       ON r.area_code = s.region_code AND r.measure = s.measure AND r.breakdown = s.breakdown
      AND r.period_kind = s.period_kind AND r.period_start = s.period_start AND r.period_end = s.period_end
LEFT JOIN sn
       ON sn.area_code = s.area_code AND sn.measure = s.measure AND sn.breakdown = s.breakdown
      AND sn.period_kind = s.period_kind AND sn.period_start = s.period_start AND sn.period_end = s.period_end
LEFT JOIN ranked rk
       ON rk.area_code = s.area_code AND rk.measure = s.measure AND rk.breakdown = s.breakdown
      AND rk.period_kind = s.period_kind AND rk.period_start = s.period_start AND rk.period_end = s.period_end
LEFT JOIN cuts c
       ON c.measure = s.measure AND c.breakdown = s.breakdown
      AND c.period_kind = s.period_kind AND c.period_start = s.period_start AND c.period_end = s.period_end;

CREATE OR REPLACE TABLE mart_benchmark_comparison AS SELECT * FROM benchmarks_of(NULL) ORDER BY area_code;
CREATE OR REPLACE VIEW benchmark_comparison AS SELECT * FROM mart_benchmark_comparison;
