package org.sendscope.warehouse;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;

/**
 * A second process for the lock tests that opens the warehouse file itself read-write with plain
 * DuckDB, as a DuckDB shell or an older sendscope build would; says {@code open}, and closes when a
 * line arrives on standard input.
 */
public final class HoldWithDuckDb {
    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + args[0])) {
            System.out.println("open");
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
    }
}
