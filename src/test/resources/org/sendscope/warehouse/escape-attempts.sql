-- SQL escape attempts on the read-only console, one per block after a "==== what it tries" line.
-- Every one must be refused with a one-line message (ReadOnlyQueryTest). Hand-written.
==== the issue's case: '--' inside a string once hid the second statement from a comment stripper
SELECT '--' x; CREATE TEMP TABLE t AS SELECT * FROM observations
==== a plain second statement
SELECT 1; DROP VIEW observations
==== a ';' inside a block comment, then a real one
SELECT 1 /* ; */ ; CREATE TABLE x(i INT)
==== a block comment opened inside a string
SELECT '/*' AS a; CREATE TEMP TABLE t AS SELECT 1; SELECT '*/' AS b
==== a dollar-quoted string holding '--'
SELECT $$--$$ AS a; SET memory_limit = '100GB'
==== a tagged dollar-quoted string holding a quote
SELECT $x$ ' $x$ AS a; ATTACH '/tmp/other.duckdb' AS other
==== an escape string whose \' is not the end
SELECT E'it\'s --' AS a; INSTALL httpfs
==== an escape string ending in an escaped backslash
SELECT E'\\' AS a; DROP TABLE observation_fact; --'
==== a quoted name '--'
SELECT "--" FROM (SELECT 1 AS "--"); LOAD httpfs
==== nested block comments (DuckDB nests them)
/* outer /* inner */ still a comment */ CREATE MACRO m() AS 1
==== a line comment, then a statement on the next line
-- just a comment
CREATE TEMP TABLE t AS SELECT 1
==== doubled quotes inside a string
SELECT 'it''s'; DROP TABLE observation_fact
==== dollar quotes with different tags
SELECT $a$ $b$ ; $a$ AS s; DROP TABLE observation_fact
==== several semicolons
SELECT 1;;; DROP TABLE observation_fact
==== mixed case
SeLeCt 1; cReAtE tEmP tAbLe t AS SELECT 1
==== a bracketed query then a write
(SELECT 1); INSERT INTO load_log DEFAULT VALUES
==== a ';' hidden after a line comment marker in a string
SELECT 'a -- ;' AS s; UPDATE observation_fact SET value = 0
==== a temporary table
CREATE TEMP TABLE t AS SELECT * FROM observations
==== a temporary macro
CREATE OR REPLACE TEMP MACRO f(x) AS x + 1
==== a temporary view
CREATE TEMPORARY VIEW v AS SELECT 1
==== a sequence
CREATE SEQUENCE s
==== a secret
CREATE SECRET s (TYPE s3, KEY_ID 'k', SECRET 'v')
==== a data-changing statement after a WITH
WITH x AS (SELECT 1 AS i) INSERT INTO load_log SELECT * FROM x
==== a delete after a WITH
WITH x AS (SELECT 1) DELETE FROM observation_fact
==== an update after a WITH
WITH x AS (SELECT 1) UPDATE observation_fact SET value = 0
==== a setting
SET memory_limit = '100GB'
==== threads
SET threads = 64
==== a session variable
SET VARIABLE x = 1
==== reset
RESET memory_limit
==== a pragma
PRAGMA enable_profiling
==== a pragma setting the memory
PRAGMA memory_limit = '100GB'
==== a call that changes state
CALL checkpoint()
==== attach another file
ATTACH '/tmp/other.duckdb' AS other
==== detach the warehouse
DETACH sendscope
==== install an extension
INSTALL httpfs
==== force install
FORCE INSTALL httpfs
==== load an extension
LOAD httpfs
==== copy a view to a file
COPY observations TO '/tmp/out.csv'
==== copy a query to a file
COPY (SELECT * FROM observations) TO '/tmp/out.parquet' (FORMAT parquet)
==== export the database
EXPORT DATABASE '/tmp/dump'
==== import a database
IMPORT DATABASE '/tmp/dump'
==== insert
INSERT INTO load_log VALUES (1)
==== update
UPDATE observation_fact SET value = 0
==== delete
DELETE FROM observation_fact
==== drop
DROP TABLE observation_fact
==== alter
ALTER TABLE observation_fact ADD COLUMN x INTEGER
==== truncate
TRUNCATE observation_fact
==== merge
MERGE INTO observation_fact USING (SELECT 1 AS i) s ON false WHEN NOT MATCHED THEN DO NOTHING
==== checkpoint
CHECKPOINT
==== vacuum
VACUUM
==== analyze
ANALYZE
==== a transaction
BEGIN TRANSACTION
==== commit
COMMIT
==== rollback
ROLLBACK
==== switch database
USE memory
==== prepare a statement for later
PREPARE p AS SELECT 1
==== execute a prepared statement
EXECUTE p
==== deallocate
DEALLOCATE p
==== EXPLAIN ANALYZE runs what it explains
EXPLAIN ANALYZE INSERT INTO load_log SELECT * FROM load_log
==== EXPLAIN ANALYZE of a query also runs it
EXPLAIN ANALYZE SELECT * FROM observations
==== EXPLAIN of a write
EXPLAIN CREATE TABLE t AS SELECT 1
==== EXPLAIN with options
EXPLAIN (ANALYZE) SELECT 1
==== SUMMARIZE then a write
SUMMARIZE SELECT 1; DROP TABLE observation_fact
==== VALUES then a secret
VALUES (1); CREATE SECRET (TYPE s3, KEY_ID 'k', SECRET 'v')
==== PIVOT then a write
PIVOT observations ON measure USING sum(value); CREATE TABLE t AS SELECT 1
==== read a file with a table function
SELECT * FROM read_csv('/etc/passwd')
==== a file named as a table
SELECT * FROM '/etc/passwd'
==== FROM-first file
FROM '/etc/passwd'
==== a file named in double quotes
SELECT * FROM "/etc/passwd"
==== a file joined in
SELECT * FROM observations o JOIN '/tmp/x.csv' f USING (area_code)
==== read text
SELECT * FROM read_text('/etc/hostname')
==== read parquet in a union
SELECT 1 AS i UNION ALL SELECT * FROM read_parquet('x.parquet')
==== SQL from a string
SELECT * FROM query('SELECT * FROM read_csv(''/etc/passwd'')')
==== a table named in a string
SELECT * FROM query_table('observation_fact')
==== the environment
SELECT getenv('HOME')
==== secrets
SELECT * FROM duckdb_secrets()
==== file names
SELECT * FROM glob('/work/*')
==== another database file
SELECT * FROM sqlite_scan('/tmp/x.db', 't')
==== the network
SELECT * FROM iceberg_scan('s3://bucket/table')
==== a session setting through a function
SELECT setseed(0.5)
==== a sequence through a function
SELECT nextval('s')
==== the files behind the warehouse
SHOW DATABASES
==== an unterminated string hides what follows
SELECT 'unterminated; DROP TABLE observation_fact
==== an unterminated comment
SELECT 1 /* DROP TABLE observation_fact
==== an unterminated quoted name
SELECT "unterminated; DROP TABLE observation_fact
==== an unterminated dollar string
SELECT $t$ unterminated; DROP TABLE observation_fact
