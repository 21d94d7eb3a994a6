// Writes the plaus-lait-*.parquet inputs of the bad-input corpus: a few made-up LAIT rows for England,
// each file with one implausible value. Run from this folder:
//   jshell --class-path "$(cat ../../../../target/classpath.txt)" plaus-make-lait.jsh
import java.sql.*;
var c = DriverManager.getConnection("jdbc:duckdb:");
var s = c.createStatement();
void write(Statement s, String name, String rows) throws SQLException {
    s.execute("COPY (SELECT * FROM (VALUES " + rows + ") t (\"Short Desc\", \"Data item\", \"Years\", \"LA and Regions\", "
            + "\"Values\", \"LA Number\", \"Region\")) TO '" + name + "' (FORMAT parquet)");
}
String ok = "('TestPct', 'Share', '2021/22', 'England', '41.5', NULL::DOUBLE, 'NA'), ('TestCount', 'Number', '2021/22', 'England', '5120', NULL::DOUBLE, 'NA')";
write(s, "plaus-lait-percent-150.parquet", ok + ", ('TestPct', 'Share', '2022/23', 'England', '150', NULL::DOUBLE, 'NA')");
write(s, "plaus-lait-negative-count.parquet", ok + ", ('TestCount', 'Number', '2022/23', 'England', '-12', NULL::DOUBLE, 'NA')");
write(s, "plaus-lait-decimal-comma.parquet", ok + ", ('TestPct', 'Share', '2022/23', 'England', '41,5', NULL::DOUBLE, 'NA')");
write(s, "plaus-lait-nan.parquet", ok + ", ('TestCount', 'Number', '2022/23', 'England', 'NaN', NULL::DOUBLE, 'NA')");
write(s, "plaus-lait-future-years.parquet", ok + ", ('TestCount', 'Number', '2098/99', 'England', '5200', NULL::DOUBLE, 'NA')");
write(s, "plaus-lait-take-up-above-100.parquet", ok + ", ('Pct_3_and_4yr_olds', 'Take-up', '2022', 'England', '104.2', NULL::DOUBLE, 'NA')");
c.close();
/exit
