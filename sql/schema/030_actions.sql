-- Improvement-plan action snapshots (issue 3 part 4). One row per action per snapshot of a plan;
-- a re-load of the same plan and snapshot replaces that snapshot's rows (scope 'actions|PLAN|DATE').
-- Status is kept twice: as written in the plan, and on the project's one scale
-- (docs/decisions/0030-action-status-scale.md).
CREATE TABLE action_plan_fact (
    plan          VARCHAR NOT NULL,   -- the plan id given on the command line, e.g. 'bcp-send-improvement-2023-26'
    snapshot      DATE NOT NULL,      -- the date the statuses describe
    format        VARCHAR NOT NULL,   -- bcp | hull | bedford | tracker
    title         VARCHAR,            -- the plan's own title where the document states it
    file_name     VARCHAR NOT NULL,
    actions       INTEGER NOT NULL,   -- actions read from the file
    load_id       BIGINT NOT NULL
);

CREATE TABLE action_fact (
    plan                VARCHAR NOT NULL,
    snapshot            DATE NOT NULL,
    ref                 VARCHAR NOT NULL,  -- as in the plan (repaired refs carry a warning); assigned in order where the plan has none
    seq                 INTEGER NOT NULL,  -- order in the document
    priority            VARCHAR,           -- priority area / area for development, e.g. '5. Pathway'
    objective           VARCHAR,           -- the objective an action serves, where the plan has one (Hull, Bedford)
    title               VARCHAR NOT NULL,  -- the action as written
    lead                VARCHAR,           -- lead(s) / accountable officer(s) as written
    deliverers          VARCHAR,           -- who delivers, where the plan says (Bedford)
    origin              VARCHAR,           -- origin (BCP) or codes (Hull SEF/DBV/AFI) as written
    start_as_written    VARCHAR,
    start_date          DATE,              -- first day of the start period
    deadline_as_written VARCHAR,
    deadline            DATE,              -- last day of the deadline period; month's last day for an impossible day
    success_measures    VARCHAR,
    progress            VARCHAR,           -- progress (and impact) to date as written
    status_as_written   VARCHAR,           -- the status cell as written ('' when empty)
    status              VARCHAR NOT NULL CHECK (status IN ('not_started', 'not_due_yet', 'on_track',
                            'on_track_some_concerns', 'significant_risk', 'high_risk', 'actioned', 'completed', 'unknown')),
    source_line         BIGINT,            -- line of the file where the action starts
    warnings            VARCHAR,           -- what the loader had to interpret, '; '-separated (also in load_rejects)
    load_id             BIGINT NOT NULL
);

-- The plan's own count of actions by status (e.g. BCP's RAG key: 2 red, 30 amber, ... of 138).
CREATE TABLE action_status_reported_fact (
    plan              VARCHAR NOT NULL,
    snapshot          DATE NOT NULL,
    key_order         INTEGER NOT NULL,  -- the line's place in the plan's key
    status_as_written VARCHAR NOT NULL,
    status            VARCHAR NOT NULL,
    description       VARCHAR,
    n                 INTEGER NOT NULL,
    pct_as_written    VARCHAR,
    total             INTEGER,           -- the total the plan states ('Total out of 138 actions')
    load_id           BIGINT NOT NULL
);
