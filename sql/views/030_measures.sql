CREATE OR REPLACE VIEW measures AS
SELECT measure, title, unit, polarity, source, definition, comparable_with, topic
FROM (
    SELECT m.*, row_number() OVER (PARTITION BY measure ORDER BY load_id DESC NULLS LAST) AS rn
    FROM measure_fact m)
WHERE rn = 1;
