-- question: How many children are waiting for a specialist place, or for any provision at all?
-- parameters: $area the LA (GSS code); $as_of the date the answer is as at
-- sources: the LA's SEND scorecard (kpis loader: awaiting_specialist_placement, children in mainstream
--   waiting for an agreed specialist place); SEN2 caseload by placement as at January (dfe-ehcp:
--   ehc_plans breakdown placement:awaiting_provision, every LA and England)
-- answer: {say_title} ({basis}, {period_label}): {say_value}.
SELECT 'local scorecard' AS basis, t.title AS say_title, t.measure, t.period_label, t.value,
       say_trend(t.value, t.status, t.unit, t.previous_label, t.previous_value, t.direction_of_travel, t.target, t.rag) AS say_value,
       CAST(NULL AS DOUBLE) AS england, t.source, t.vintage, t.load_id
FROM latest_trend($area, CAST($as_of AS DATE), ['awaiting_specialist_placement', 'specialist_requests_agreed'], NULL) t
UNION ALL
SELECT * FROM (
    SELECT 'SEN2, January census', 'EHC plans awaiting provision (no placement yet)', o.measure || ' ' || o.breakdown,
           o.period_label, o.value,
           CASE WHEN o.value IS NULL THEN 'not available (' || o.status || ')'
                ELSE say(o.value, 'count') || ' of ' || say(tot.value, 'count') || ' plans ('
                     || say(100 * o.value / tot.value, 'percent') || ')' END
               || CASE WHEN e.value IS NOT NULL AND et.value > 0
                       THEN '; England ' || say(100 * e.value / et.value, 'percent') || ' of plans' ELSE '' END,
           e.value, o.source, o.vintage, o.load_id
    FROM observations o
    JOIN observations tot ON tot.area_code = o.area_code AND tot.measure = 'ehc_plans' AND tot.breakdown = 'total'
                         AND tot.period_kind = o.period_kind AND tot.period_start = o.period_start
    LEFT JOIN observations e ON e.level = 'england' AND e.measure = o.measure AND e.breakdown = o.breakdown
                            AND e.period_kind = o.period_kind AND e.period_start = o.period_start
    LEFT JOIN observations et ON et.level = 'england' AND et.measure = 'ehc_plans' AND et.breakdown = 'total'
                             AND et.period_kind = o.period_kind AND et.period_start = o.period_start
    WHERE o.area_code = $area AND o.measure = 'ehc_plans' AND o.breakdown = 'placement:awaiting_provision'
      AND o.period_kind = 'census_january' AND o.period_end <= CAST($as_of AS DATE)
    ORDER BY o.period_start DESC LIMIT 2);   -- the latest two Januaries: the latest is sometimes 'x'
