-- question: How many requests for an EHC needs assessment are we receiving, and what share come from parents?
-- parameters: $area the LA (GSS code); $as_of the date the answer is as at
-- sources: the LA's SEND scorecard (kpis loader: ehc_requests and ehc_requests_parental_pct, monthly);
--   SEN2 initial requests in the calendar year (dfe-ehcp: ehc_requests, every LA, England, statistical
--   neighbours). SEN2 does not publish who made the request.
-- answer: {say_title} ({basis}, {period_label}): {say_value}{say_compared}.
SELECT 'local scorecard, latest month' AS basis, t.title AS say_title, t.measure, t.period_label, t.value,
       say_trend(t.value, t.status, t.unit, t.previous_label, t.previous_value, t.direction_of_travel, t.target, t.rag) AS say_value,
       CAST(NULL AS DOUBLE) AS england, CAST(NULL AS DOUBLE) AS sn_mean, CAST(NULL AS BIGINT) AS rank,
       '' AS say_compared, t.source, t.vintage, t.load_id
FROM latest_trend($area, CAST($as_of AS DATE), ['ehc_requests', 'ehc_requests_parental_pct'], 'month') t
UNION ALL
SELECT 'SEN2, calendar year', b.title, b.measure, b.period_label, b.value, say(b.value, b.unit), b.england,
       b.sn_mean, b.rank,
       coalesce(' — ' || nullif(say_benchmarks(b.england, b.sn_mean, b.sn_n, b.rank, b.n_ranked, b.quartile, b.unit, b.polarity), ''), '')
       || CASE WHEN b.change_previous IS NOT NULL
               THEN '; ' || say_change(b.change_previous, 'count')
                    || ' on ' || b.previous_label ELSE '' END,
       b.source, b.vintage, b.load_id
FROM latest_benchmarks($area, CAST($as_of AS DATE), ['ehc_requests'], 'calendar_year') b;
