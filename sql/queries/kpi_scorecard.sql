-- question: How is each local KPI doing against its target and its required direction of travel?
-- parameters: $area the LA (GSS code); $as_of the date the answer is as at (each KPI's latest month,
--   term or half term ending by then)
-- sources: the LA's SEND scorecard / improvement-plan KPI tables (kpis loader), targets and required
--   directions from kpi_targets; RAG and direction rules in docs/decisions/0050
-- answer: {say_title} ({period_label}): {say_value}.
SELECT t.title AS say_title, t.measure, t.period_kind, t.period_label, t.value, t.status, t.previous_value,
       t.direction_of_travel, t.target, t.rag,
       say_trend(t.value, t.status, t.unit, t.previous_label, t.previous_value, t.direction_of_travel, t.target, t.rag) AS say_value,
       t.source, t.vintage, t.load_id
FROM latest_trend($area, CAST($as_of AS DATE),
                  (SELECT list(DISTINCT measure) FROM observations
                    WHERE area_code = $area AND period_kind IN ('month', 'term', 'half_term', 'quarter')),
                  NULL) t
WHERE t.period_kind IN ('month', 'term', 'half_term', 'quarter')
ORDER BY CASE t.rag WHEN 'red' THEN 1 WHEN 'amber' THEN 2 WHEN 'green' THEN 3 ELSE 4 END, t.measure;
