-- Improvement-plan actions (sql/README.md, section "Improvement-plan actions").
-- Status scale order, for sorting: from not begun to finished, unknown last.
CREATE OR REPLACE MACRO action_status_rank(s) AS
    CASE s WHEN 'not_started' THEN 1 WHEN 'not_due_yet' THEN 2 WHEN 'on_track' THEN 3
           WHEN 'on_track_some_concerns' THEN 4 WHEN 'significant_risk' THEN 5 WHEN 'high_risk' THEN 6
           WHEN 'actioned' THEN 7 WHEN 'completed' THEN 8 ELSE 9 END;

-- One row per loaded snapshot of a plan.
CREATE OR REPLACE VIEW action_plans AS
SELECT plan, snapshot, format, title, file_name, actions, load_id
FROM action_plan_fact;

-- Every action in every snapshot.
CREATE OR REPLACE VIEW action_snapshots AS
SELECT plan, ref, snapshot, status, status_as_written, priority, objective, title, lead, deliverers, origin,
       start_as_written, start_date, deadline_as_written, deadline, success_measures, progress, warnings,
       seq, source_line, load_id
FROM action_fact;

-- Each action as of the latest snapshot that has it; in_latest_snapshot is false for an action that the
-- plan's latest snapshot no longer lists.
CREATE OR REPLACE VIEW actions AS
SELECT plan, ref, priority, title, lead, deadline, deadline_as_written, status, status_as_written, snapshot,
       snapshot = latest_snapshot AS in_latest_snapshot, objective, deliverers, origin, start_date,
       start_as_written, success_measures, progress, warnings, seq, load_id
FROM (
    SELECT a.*, max(a.snapshot) OVER (PARTITION BY a.plan) AS latest_snapshot,
           row_number() OVER (PARTITION BY a.plan, a.ref ORDER BY a.snapshot DESC, a.load_id DESC) AS rn
    FROM action_fact a)
WHERE rn = 1;

-- Actions per status in each snapshot, with the share of the snapshot's actions.
CREATE OR REPLACE VIEW action_status_summary AS
SELECT plan, snapshot, status, n, round(100.0 * n / sum(n) OVER (PARTITION BY plan, snapshot), 1) AS pct
FROM (SELECT plan, snapshot, status, count(*) AS n FROM action_fact GROUP BY plan, snapshot, status);

-- Actions whose deadline is before the snapshot date and that the snapshot does not call actioned or
-- completed (an unknown status counts as not finished: the plan gives no evidence that it is).
CREATE OR REPLACE VIEW overdue_actions AS
SELECT plan, snapshot, ref, priority, title, lead, deadline_as_written, deadline,
       CAST(snapshot - deadline AS INTEGER) AS days_overdue, status, status_as_written
FROM action_fact
WHERE deadline < snapshot AND status NOT IN ('actioned', 'completed');

-- The plan's own count of its actions by status, beside the count of loaded actions with that status.
CREATE OR REPLACE VIEW plan_status_reported AS
SELECT r.plan, r.snapshot, r.key_order, r.status, r.status_as_written, r.description, r.n, r.pct_as_written, r.total,
       (SELECT count(*) FROM action_fact a
         WHERE a.plan = r.plan AND a.snapshot = r.snapshot AND a.status = r.status) AS n_from_actions
FROM action_status_reported_fact r;

-- What changed between consecutive snapshots of a plan: change is 'new' (listed only in the later
-- snapshot), 'dropped' (only in the earlier), 'status' or 'deadline' (moved), one row per change.
CREATE OR REPLACE VIEW action_changes AS
WITH snaps AS (SELECT DISTINCT plan, snapshot FROM action_fact),
pairs AS (
    SELECT plan, lag(snapshot) OVER (PARTITION BY plan ORDER BY snapshot) AS from_snapshot, snapshot AS to_snapshot
    FROM snaps),
pairs_with_both AS (SELECT * FROM pairs WHERE from_snapshot IS NOT NULL),
olds AS (
    SELECT p.plan, p.from_snapshot, p.to_snapshot, a.ref, a.title, a.status, a.status_as_written, a.deadline,
           a.deadline_as_written
    FROM pairs_with_both p JOIN action_fact a ON a.plan = p.plan AND a.snapshot = p.from_snapshot),
news AS (
    SELECT p.plan, p.from_snapshot, p.to_snapshot, a.ref, a.title, a.status, a.status_as_written, a.deadline,
           a.deadline_as_written
    FROM pairs_with_both p JOIN action_fact a ON a.plan = p.plan AND a.snapshot = p.to_snapshot),
j AS (
    SELECT coalesce(n.plan, o.plan) AS plan, coalesce(n.from_snapshot, o.from_snapshot) AS from_snapshot,
           coalesce(n.to_snapshot, o.to_snapshot) AS to_snapshot, coalesce(n.ref, o.ref) AS ref,
           coalesce(n.title, o.title) AS title, o.ref IS NULL AS is_new, n.ref IS NULL AS is_dropped,
           o.status AS old_status, n.status AS new_status, o.status_as_written AS old_written,
           n.status_as_written AS new_written, o.deadline AS old_deadline, n.deadline AS new_deadline,
           o.deadline_as_written AS old_deadline_written, n.deadline_as_written AS new_deadline_written
    FROM olds o FULL OUTER JOIN news n
      ON n.plan = o.plan AND n.from_snapshot = o.from_snapshot AND n.ref = o.ref)
SELECT plan, from_snapshot, to_snapshot, ref, 'new' AS change, NULL AS from_value,
       new_status AS to_value, title
FROM j WHERE is_new
UNION ALL
SELECT plan, from_snapshot, to_snapshot, ref, 'dropped', old_status, NULL, title
FROM j WHERE is_dropped
UNION ALL
SELECT plan, from_snapshot, to_snapshot, ref, 'status', old_status || coalesce(' (' || nullif(old_written, '') || ')', ''),
       new_status || coalesce(' (' || nullif(new_written, '') || ')', ''), title
FROM j WHERE NOT is_new AND NOT is_dropped AND old_status IS DISTINCT FROM new_status
UNION ALL
SELECT plan, from_snapshot, to_snapshot, ref, 'deadline', coalesce(CAST(old_deadline AS VARCHAR), old_deadline_written),
       coalesce(CAST(new_deadline AS VARCHAR), new_deadline_written), title
FROM j WHERE NOT is_new AND NOT is_dropped AND old_deadline IS DISTINCT FROM new_deadline;
