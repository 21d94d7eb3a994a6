-- question: How many annual reviews are in the backlog, and how many are completed on time?
-- parameters: $area the LA (GSS code); $as_of the date the answer is as at (latest month ending by then)
-- sources: the LA's SEND scorecard / improvement-plan KPI tables (kpis loader: annual_review_backlog,
--   annual_review_timely_pct, annual_review_month_timely_pct, annual_review_in_year_pct), targets from
--   kpi_targets. A figure published as TBC or "data currently being scoped" is said so, not as a number.
-- answer: {title}, {period_label}: {say_trend}.
SELECT measure, title, period_label, value, status, previous_label, previous_value, direction_of_travel, target, rag,
       say_trend(value, status, unit, previous_label, previous_value, direction_of_travel, target, rag) AS say_trend,
       source, vintage, load_id
FROM latest_trend($area, CAST($as_of AS DATE),
                  ['annual_review_backlog', 'annual_review_timely_pct', 'annual_review_month_timely_pct',
                   'annual_review_in_year_pct'], NULL)
ORDER BY measure;
