-- question: Which improvement-plan actions are overdue, red or not started, by priority?
-- parameters: $area the LA (GSS code) whose plan is asked about; $as_of the date the answer is as at
--   (the plan's latest snapshot on or before it)
-- sources: the LA's improvement-plan action snapshots (actions loader: action_snapshots). A plan is
--   the LA's when its id starts with the LA's short name (bcp…, hull…, bedford…), as in
--   `sendscope load actions --plan bcp-send-improvement-2023-26`. Red is the plan's R (high risk).
--   Overdue: deadline before the snapshot and not actioned or completed; an action whose status the
--   text lost (a colour in the PDF) counts as not finished, and the answer says how many have no status.
-- answer: {priority}: {actions} actions — {overdue} overdue, {red} red, {not_started} not started{say_refs}{say_unknown}.
WITH plan_areas(prefix, area_code) AS (
    VALUES ('bcp', 'E06000058'), ('hull', 'E06000010'), ('bedford', 'E06000055')
),
snap AS (
    SELECT a.plan, max(a.snapshot) AS snapshot
    FROM action_snapshots a JOIN plan_areas p ON starts_with(lower(a.plan), p.prefix)
    WHERE p.area_code = $area AND a.snapshot <= CAST($as_of AS DATE)
    GROUP BY a.plan
),
acts AS (
    SELECT a.*,
           a.deadline < a.snapshot AND a.status NOT IN ('actioned', 'completed') AS is_overdue,
           a.status = 'high_risk' AS is_red,
           a.status = 'not_started' AS is_not_started
    FROM action_snapshots a JOIN snap s ON s.plan = a.plan AND s.snapshot = a.snapshot
)
SELECT plan, snapshot, coalesce(priority, '(no priority)') AS priority, count(*) AS actions,
       count(*) FILTER (WHERE is_overdue) AS overdue,
       count(*) FILTER (WHERE is_red) AS red,
       count(*) FILTER (WHERE is_not_started) AS not_started,
       string_agg(ref, ', ' ORDER BY seq) FILTER (WHERE is_overdue OR is_red OR is_not_started) AS refs,
       coalesce(' (' || string_agg(ref, ', ' ORDER BY seq) FILTER (WHERE is_overdue OR is_red OR is_not_started) || ')', '') AS say_refs,
       count(*) FILTER (WHERE status = 'unknown') AS status_unknown,
       CASE WHEN count(*) FILTER (WHERE status = 'unknown') > 0
            THEN '; ' || count(*) FILTER (WHERE status = 'unknown') || ' with no status in the text' ELSE '' END AS say_unknown,
       'actions' AS source, CAST(snapshot AS VARCHAR) AS vintage, max(load_id) AS load_id
FROM acts
GROUP BY plan, snapshot, priority
ORDER BY plan, min(seq);
