-- Areas as each source names them (one row per area per load), plus the LA successions
-- that no single file states. The public view `areas` takes the latest name per code.
CREATE TABLE area_fact (
    area_code    VARCHAR NOT NULL,   -- GSS code: E06000058, E12000009, E92000001
    la_number    INTEGER,            -- three-digit DfE LA number, NULL for regions and England
    name         VARCHAR NOT NULL,
    level        VARCHAR NOT NULL CHECK (level IN ('local_authority', 'region', 'england')),
    region_code  VARCHAR,
    region_name  VARCHAR,
    load_id      BIGINT NOT NULL
);

-- Hand-written facts (docs/decisions/0003-la-successions.md). valid_to is the last day the area existed.
CREATE TABLE area_succession (
    area_code      VARCHAR NOT NULL,
    la_number      INTEGER,
    name           VARCHAR NOT NULL,
    valid_from     DATE,
    valid_to       DATE,
    successor_code VARCHAR,
    note           VARCHAR
);

INSERT INTO area_succession VALUES
 ('E06000028', 837, 'Bournemouth',                   NULL,         DATE '2019-03-31', 'E06000058', 'merged into BCP with Poole and Christchurch (part of Dorset) on 1 April 2019'),
 ('E06000029', 836, 'Poole',                         NULL,         DATE '2019-03-31', 'E06000058', 'merged into BCP on 1 April 2019'),
 ('E10000009', 835, 'Dorset (county)',               NULL,         DATE '2019-03-31', 'E06000059', 'Christchurch went to BCP; the rest became Dorset unitary (838) on 1 April 2019'),
 ('E06000058', 839, 'Bournemouth, Christchurch and Poole', DATE '2019-04-01', NULL, NULL, 'formed from Bournemouth 837, Poole 836 and Christchurch (part of Dorset 835)'),
 ('E06000059', 838, 'Dorset',                        DATE '2019-04-01', NULL,         NULL,        'successor of Dorset county 835 less Christchurch'),
 ('E10000021', 928, 'Northamptonshire',              NULL,         DATE '2021-03-31', 'E06000061', 'split into North (940) and West (941) Northamptonshire on 1 April 2021'),
 ('E06000061', 940, 'North Northamptonshire',        DATE '2021-04-01', NULL,         NULL,        'successor of Northamptonshire 928'),
 ('E06000062', 941, 'West Northamptonshire',         DATE '2021-04-01', NULL,         NULL,        'successor of Northamptonshire 928'),
 ('E10000006', 909, 'Cumbria',                       NULL,         DATE '2023-03-31', 'E06000063', 'split into Cumberland (942) and Westmorland and Furness (943) on 1 April 2023'),
 ('E06000063', 942, 'Cumberland',                    DATE '2023-04-01', NULL,         NULL,        'successor of Cumbria 909'),
 ('E06000064', 943, 'Westmorland and Furness',       DATE '2023-04-01', NULL,         NULL,        'successor of Cumbria 909');

-- A split predecessor has more than one successor: the second ones, for lookups that need all of them.
CREATE TABLE area_split (
    area_code      VARCHAR NOT NULL,
    successor_code VARCHAR NOT NULL
);
INSERT INTO area_split VALUES
 ('E10000009', 'E06000058'), ('E10000009', 'E06000059'),
 ('E10000021', 'E06000061'), ('E10000021', 'E06000062'),
 ('E10000006', 'E06000063'), ('E10000006', 'E06000064');
