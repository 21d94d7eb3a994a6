-- Targets and required directions of travel of local KPIs, as scorecards and papers state them
-- (issue 3). One row per KPI per table that gives a target or a direction; valid_from/valid_to
-- span the table's period columns. Values themselves go to observation_fact.
CREATE TABLE kpi_target_fact (
    measure              VARCHAR NOT NULL,
    area_code            VARCHAR NOT NULL,
    target               DOUBLE,            -- NULL when the paper gives a status (TBC) or none
    target_status        VARCHAR,           -- 'reported', 'tbc', … ; NULL when no target given
    target_as_written    VARCHAR,
    direction            VARCHAR CHECK (direction IN ('up', 'down', 'steady')),  -- NULL: not given or unreadable
    direction_as_written VARCHAR,           -- the glyph or word as extracted (arrows often arrive as '•' or 'A')
    valid_from           DATE,
    valid_to             DATE,
    period_label         VARCHAR,           -- e.g. 'Dec-23 – Dec 24'
    source               VARCHAR NOT NULL,
    vintage              VARCHAR NOT NULL,
    file_name            VARCHAR,
    line                 BIGINT,
    load_id              BIGINT NOT NULL
);
