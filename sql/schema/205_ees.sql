-- Data sets loaded through the EES public API (issue 16; docs/decisions/0206-ees-loader.md):
-- which data set and version each load was, from which API and CSV, and what it kept out; and
-- every breakdown an EES load wrote, with the filter and option it came from, so that a new
-- dimension is on record rather than guessed into an existing one.
CREATE TABLE ees_load_fact (
    load_id        BIGINT NOT NULL,
    data_set_id    VARCHAR NOT NULL,
    data_set_title VARCHAR,
    version        VARCHAR NOT NULL,
    published      VARCHAR,            -- when the version was published, as the API says
    release_title  VARCHAR,            -- the statistical release it came with
    base_url       VARCHAR,            -- the API it was fetched from
    csv_sha256     VARCHAR NOT NULL,
    csv_rows       BIGINT NOT NULL,
    rows_kept_out  BIGINT NOT NULL,    -- rows at other geographic levels or crossing two filters
    note           VARCHAR             -- what was kept out and why, new dimensions
);

CREATE TABLE ees_breakdown_fact (
    load_id         BIGINT NOT NULL,
    data_set_id     VARCHAR NOT NULL,
    breakdown       VARCHAR NOT NULL,  -- as written to observation_fact
    dimension       VARCHAR NOT NULL,
    dimension_value VARCHAR NOT NULL,
    filter_column   VARCHAR NOT NULL,
    filter_label    VARCHAR,
    option_label    VARCHAR NOT NULL,
    in_reference    BOOLEAN NOT NULL   -- true when breakdowns.tsv knows the breakdown
);
