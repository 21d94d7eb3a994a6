-- question: How much has the number of EHC plans grown over five years, against statistical neighbours and England?
-- parameters: $area the LA (GSS code); $as_of the date the answer is as at (latest January census by then)
-- sources: SEN2 EHC plans as at January (dfe-ehcp: ehc_plans, every LA, England); statistical_neighbours.
--   Growth runs from the January five years before the latest, or from the LA's first January when it
--   is younger (BCP was formed in April 2019, so its first count is January 2020); neighbours and
--   England are measured over the same years.
-- answer: {say_who}: {say_growth} growth from {from_label} to {to_label} ({years} years; {say_counts}).
WITH latest AS (
    SELECT max(period_start) AS to_start FROM observations
    WHERE measure = 'ehc_plans' AND breakdown = 'total' AND period_kind = 'census_january'
      AND area_code = $area AND period_end <= CAST($as_of AS DATE) AND value IS NOT NULL
),
span AS (
    SELECT l.to_start,
           (SELECT min(period_start) FROM observations o
             WHERE o.measure = 'ehc_plans' AND o.breakdown = 'total' AND o.period_kind = 'census_january'
               AND o.area_code = $area AND o.value IS NOT NULL
               AND o.period_start >= CAST(l.to_start - INTERVAL 5 YEAR AS DATE)) AS from_start
    FROM latest l
),
plans AS (
    SELECT o.* FROM observations o, span
    WHERE o.measure = 'ehc_plans' AND o.breakdown = 'total' AND o.period_kind = 'census_january'
      AND o.period_start IN (span.from_start, span.to_start)
),
pairs AS (
    SELECT f.area_code, f.area_name, f.level, f.period_label AS from_label, t.period_label AS to_label,
           f.value AS from_value, t.value AS to_value, 100 * (t.value / f.value - 1) AS growth_pct,
           year(t.period_start) - year(f.period_start) AS years,
           t.source, greatest(f.vintage, t.vintage) AS vintage, greatest(f.load_id, t.load_id) AS load_id
    FROM plans f JOIN plans t ON t.area_code = f.area_code, span
    WHERE f.period_start = span.from_start AND t.period_start = span.to_start AND f.value > 0
),
sn AS (SELECT neighbour_code FROM statistical_neighbours WHERE area_code = $area)
SELECT 1 AS ord, area_name AS who, from_label, to_label, years, from_value, to_value, growth_pct,
       area_name AS say_who, say(from_value, 'count') || ' to ' || say(to_value, 'count') || ' plans' AS say_counts,
       say(growth_pct, 'percent') AS say_growth, source, vintage, load_id
FROM pairs WHERE area_code = $area
UNION ALL
SELECT 2, 'statistical neighbours (mean of ' || count(*) || ')', any_value(from_label), any_value(to_label),
       any_value(years), avg(from_value), avg(to_value), avg(growth_pct),
       'Statistical neighbours'' mean (' || count(*) || ' with data)',
       'the mean of each neighbour''s own growth, ' || say(min(growth_pct), 'percent') || ' to ' || say(max(growth_pct), 'percent'),
       say(avg(growth_pct), 'percent'), any_value(source), max(vintage), max(load_id)
FROM pairs WHERE area_code IN (SELECT neighbour_code FROM sn)
HAVING count(*) > 0
UNION ALL
SELECT 3, 'England', from_label, to_label, years, from_value, to_value, growth_pct, 'England',
       say(from_value, 'count') || ' to ' || say(to_value, 'count') || ' plans', say(growth_pct, 'percent'), source, vintage, load_id
FROM pairs WHERE level = 'england'
ORDER BY ord;
