-- question: What is the average time from request to issue of a new EHC plan this academic year?
-- parameters: $area the LA (GSS code); $as_of the date the answer is as at (the academic year, from
--   September, that contains it)
-- sources: the LA's SEND scorecard (kpis loader: ehc_assessment_weeks_avg, monthly). SEN2 publishes
--   no average, so there is no national comparison; the statutory limit is 20 weeks.
-- answer: {basis} ({period_label}): {say_value} weeks, against the statutory 20.
WITH ay AS (
    SELECT CAST($as_of AS DATE) AS as_of,
           make_date(year(CAST($as_of AS DATE)) - CASE WHEN month(CAST($as_of AS DATE)) < 9 THEN 1 ELSE 0 END, 9, 1) AS ay_start
),
months AS (
    SELECT o.* FROM observations o, ay
    WHERE o.area_code = $area AND o.measure = 'ehc_assessment_weeks_avg' AND o.breakdown = 'total'
      AND o.period_kind = 'month' AND o.period_start >= ay.ay_start AND o.period_end <= ay.as_of
)
SELECT 'latest month' AS basis, period_label, value, say(value, 'weeks') AS say_value, source, vintage, load_id
FROM months
WHERE period_end = (SELECT max(period_end) FROM months)
UNION ALL
-- The plain mean of the monthly averages: the scorecards do not give the number of plans each month.
SELECT 'mean of the ' || count(value) || ' months published this academic year',
       arg_min(period_label, period_end) || ' to ' || arg_max(period_label, period_end),
       avg(value), say(avg(value), 'weeks'), string_agg(DISTINCT source, ', '), max(vintage), max(load_id)
FROM months
HAVING count(value) > 1;
