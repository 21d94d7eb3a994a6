package org.sendscope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Numbers as plain decimals in every output format, read from DuckDB itself. */
class ResultPrinterTest {
    private static final String QUERY = "SELECT 259243459.17895::DOUBLE AS dsg, 0.0000001::DOUBLE AS small, "
            + "1e20::DOUBLE AS large, 67.1::DOUBLE AS pct, 3266::DOUBLE AS plans, 0.5::FLOAT AS half, "
            + "12.50::DECIMAL(9,2) AS money";

    private static String print(TableFormat format) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(QUERY)) {
            StringWriter out = new StringWriter();
            ResultPrinter.print(rs, format, new PrintWriter(out));
            return out.toString();
        }
    }

    @Test
    void csvWritesPlainDecimalsNeverExponents() throws Exception {
        assertEquals("dsg,small,large,pct,plans,half,money\n"
                + "259243459.17895,0.0000001,100000000000000000000,67.1,3266,0.5,12.50\n", print(TableFormat.csv));
    }

    @Test
    void tableAndJsonToo() throws Exception {
        String table = print(TableFormat.table);
        assertEquals(true, table.contains("259243459.17895") && table.contains("0.0000001")
                && table.contains("100000000000000000000") && !table.contains("E8") && !table.contains("E-7"), table);
        String json = print(TableFormat.json);
        assertEquals(true, json.contains("\"dsg\": 259243459.17895") && json.contains("\"small\": 0.0000001"), json);
    }
}
