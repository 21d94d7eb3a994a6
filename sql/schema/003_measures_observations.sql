-- Measures (one row per measure per load that describes it) and observations (one row per
-- published value per load). Public views pick the latest description and the latest vintage.
CREATE TABLE measure_fact (
    measure         VARCHAR NOT NULL,
    title           VARCHAR NOT NULL,
    unit            VARCHAR,           -- count | percent | rate | weeks | gbp | ratio | ...
    polarity        VARCHAR NOT NULL CHECK (polarity IN ('higher_is_better', 'lower_is_better', 'neutral')),
    source          VARCHAR NOT NULL,
    definition      VARCHAR,
    comparable_with VARCHAR,           -- another measure this one may be compared with, if any
    topic           VARCHAR,
    load_id         BIGINT             -- NULL for measures defined by the project's own catalogue
);

CREATE TABLE observation_fact (
    area_code    VARCHAR NOT NULL,
    area_name    VARCHAR,
    level        VARCHAR NOT NULL,
    measure      VARCHAR NOT NULL,
    breakdown    VARCHAR NOT NULL,     -- 'total' or 'dimension:value' (docs/decisions/0002-breakdowns.md)
    period_kind  VARCHAR NOT NULL,     -- census_january | calendar_year | academic_year | financial_year | month | ...
    period_label VARCHAR NOT NULL,     -- as published: '2022', '201920', '2016-17 (OT)', 'Dec-23'
    period_start DATE NOT NULL,
    period_end   DATE NOT NULL,
    value        DOUBLE,               -- NULL when status is a marker
    status       VARCHAR NOT NULL,     -- 'reported' or the marker as published: c x z u low : .. -
    source       VARCHAR NOT NULL,
    vintage      VARCHAR NOT NULL,
    load_id      BIGINT NOT NULL
);

CREATE TABLE statistical_neighbour_fact (
    area_code      VARCHAR NOT NULL,
    rank           INTEGER NOT NULL,
    neighbour_code VARCHAR NOT NULL,
    closeness      VARCHAR,
    set_name       VARCHAR NOT NULL,    -- 'current' or 'old' (the "Old SNs" block)
    vintage        VARCHAR NOT NULL,
    load_id        BIGINT NOT NULL
);
