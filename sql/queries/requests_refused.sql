-- question: What percentage of requests for an EHC needs assessment were refused this academic year, and last year?
-- parameters: $area the LA (GSS code); $as_of the date the answer is as at (the academic year, from
--   September, that contains it, against the same months a year before)
-- sources: the LA's SEND scorecard (kpis loader: ehc_requests and ehc_assessments_agreed, monthly):
--   refused = requests - assessments agreed to initiate, as officers answered (124 of 232, Sept-Dec 2023);
--   SEN2 requests refused assessment in the calendar year (dfe-ehcp: ehc_requests_refused / ehc_requests).
--   Where more assessments were agreed than requests came in (a backlog of older requests being
--   cleared, as in autumn 2022), the local figure is not a refusal rate and is said so.
-- answer: {basis} ({period_label}): {say_answer}.
WITH ay AS (
    SELECT CAST($as_of AS DATE) AS as_of,
           make_date(year(CAST($as_of AS DATE)) - CASE WHEN month(CAST($as_of AS DATE)) < 9 THEN 1 ELSE 0 END, 9, 1) AS ay_start
),
monthly AS (
    SELECT o.period_start, o.period_end, o.period_label,
           max(CASE WHEN o.measure = 'ehc_requests' THEN o.value END) AS requests,
           max(CASE WHEN o.measure = 'ehc_assessments_agreed' THEN o.value END) AS agreed,
           string_agg(DISTINCT o.source, ', ') AS source, max(o.vintage) AS vintage, max(o.load_id) AS load_id
    FROM observations o
    WHERE o.area_code = $area AND o.breakdown = 'total' AND o.period_kind = 'month'
      AND o.measure IN ('ehc_requests', 'ehc_assessments_agreed')
    GROUP BY ALL
),
this_year AS (   -- the months of this academic year to date with both figures
    SELECT m.* FROM monthly m, ay
    WHERE m.period_start >= ay.ay_start AND m.period_end <= ay.as_of
      AND m.requests IS NOT NULL AND m.agreed IS NOT NULL
),
years AS (   -- this academic year to date, and the same months of the year before
    SELECT 'this academic year to date' AS basis, 1 AS ord, ay.ay_start AS from_start,
           coalesce((SELECT max(period_end) FROM this_year), ay.as_of) AS to_end
    FROM ay
    UNION ALL
    SELECT 'same months a year before', 2, CAST(ay.ay_start - INTERVAL 1 YEAR AS DATE),
           CAST(coalesce((SELECT max(period_end) FROM this_year), ay.as_of) - INTERVAL 1 YEAR AS DATE)
    FROM ay
),
local AS (
    SELECT y.basis, y.ord, arg_min(m.period_label, m.period_end) || ' to ' || arg_max(m.period_label, m.period_end) AS period_label,
           sum(m.requests) AS requests, sum(m.requests) - sum(m.agreed) AS refused,
           string_agg(DISTINCT m.source, ', ') AS source, max(m.vintage) AS vintage, max(m.load_id) AS load_id
    FROM years y JOIN monthly m ON m.period_start >= y.from_start AND m.period_end <= y.to_end
    WHERE m.requests IS NOT NULL AND m.agreed IS NOT NULL
    GROUP BY y.basis, y.ord
),
sen2 AS (
    SELECT r.period_label, r.value AS requests, f.value AS refused, r.source,
           greatest(r.vintage, f.vintage) AS vintage, greatest(r.load_id, f.load_id) AS load_id
    FROM observations r
    JOIN observations f ON f.area_code = r.area_code AND f.measure = 'ehc_requests_refused' AND f.breakdown = 'total'
                       AND f.period_kind = r.period_kind AND f.period_start = r.period_start
    WHERE r.area_code = $area AND r.measure = 'ehc_requests' AND r.breakdown = 'total'
      AND r.period_kind = 'calendar_year' AND r.period_end <= CAST($as_of AS DATE) AND r.value > 0
    ORDER BY r.period_start DESC LIMIT 2
)
SELECT basis, ord, period_label, requests, CASE WHEN refused >= 0 THEN refused END AS refused,
       CASE WHEN refused >= 0 THEN 100 * refused / requests END AS refused_pct,
       CASE WHEN refused >= 0
            THEN say(refused, 'count') || ' of ' || say(requests, 'count') || ' requests refused, '
                 || say(100 * refused / requests, 'percent')
            ELSE say(requests, 'count') || ' requests but ' || say(requests - refused, 'count')
                 || ' assessments agreed (older requests from a backlog), so no refusal rate can be given' END AS say_answer,
       source, vintage, load_id
FROM local WHERE requests > 0
UNION ALL
SELECT 'SEN2 calendar year', 3, period_label, requests, refused, 100 * refused / requests,
       say(refused, 'count') || ' of ' || say(requests, 'count') || ' requests refused, '
           || say(100 * refused / requests, 'percent'), source, vintage, load_id
FROM sen2
ORDER BY ord, period_label DESC;
