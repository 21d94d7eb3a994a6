-- One name per area: the latest SEN2 release's name, the release that defines the areas; else the
-- latest load's. LAIT and the DSG files spell some differently ("Kingston Upon Hull, City of",
-- "Bedford Borough"); observations show the same name (sql/views/040).
CREATE OR REPLACE VIEW areas AS
WITH named AS (
    SELECT * EXCLUDE (rn) FROM (
        SELECT f.*, row_number() OVER (
                   PARTITION BY area_code
                   ORDER BY (l.source = 'dfe-ehcp') DESC NULLS LAST, f.load_id DESC) AS rn
        FROM area_fact f
        LEFT JOIN (SELECT load_id, source FROM load_log) l ON l.load_id = f.load_id)
    WHERE rn = 1
)
SELECT coalesce(n.area_code, s.area_code)              AS area_code,
       coalesce(n.la_number, s.la_number)              AS la_number,
       coalesce(n.name, s.name)                        AS name,
       coalesce(n.level, 'local_authority')            AS level,
       n.region_code,
       n.region_name,
       s.valid_from,
       s.valid_to,
       s.successor_code
FROM named n
FULL OUTER JOIN area_succession s ON s.area_code = n.area_code;
