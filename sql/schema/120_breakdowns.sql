-- The breakdowns reference (docs/decisions/0121): one row per breakdown the warehouse knows, seeded
-- from src/main/resources/org/sendscope/breakdown/breakdowns.tsv whenever the views are built.
CREATE TABLE IF NOT EXISTS breakdown_ref (
    breakdown       VARCHAR PRIMARY KEY,
    dimension       VARCHAR NOT NULL,
    dimension_value VARCHAR NOT NULL,
    dimension_group VARCHAR NOT NULL,
    age_from        INTEGER,
    age_to          INTEGER,
    dsg_category    VARCHAR,
    label           VARCHAR
);
