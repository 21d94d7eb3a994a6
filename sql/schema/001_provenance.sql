-- Provenance: every load of every source file, and every value a load refused.
-- A load's scope (source + vintage + what it covers) is what a re-load replaces.
CREATE SEQUENCE IF NOT EXISTS load_id_seq START 1;

CREATE TABLE load_log (
    load_id       BIGINT PRIMARY KEY,
    source        VARCHAR NOT NULL,      -- loader name: dfe-ehcp, lait, neighbours, dsg, kpis, paper, actions, demo
    scope         VARCHAR NOT NULL,      -- what a re-load of this kind replaces, e.g. 'dfe-ehcp|2022'
    file_name     VARCHAR NOT NULL,      -- as given on the command line (or bundled resource name)
    sha256        VARCHAR NOT NULL,
    vintage       VARCHAR NOT NULL,      -- release or publication, sortable text: '2022', '2025', '2024-07-24'
    started_at    TIMESTAMP NOT NULL,
    finished_at   TIMESTAMP,
    rows_loaded   BIGINT,
    rows_rejected BIGINT,
    status        VARCHAR NOT NULL,      -- loaded | superseded
    message       VARCHAR
);

CREATE TABLE load_reject_log (
    load_id   BIGINT NOT NULL,
    file_name VARCHAR NOT NULL,
    line      BIGINT,
    field     VARCHAR,
    raw_value VARCHAR,
    reason    VARCHAR NOT NULL
);
