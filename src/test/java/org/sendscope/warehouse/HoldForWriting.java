package org.sendscope.warehouse;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A second process for the lock tests: opens a warehouse for writing, adds one load row (as a load
 * in progress would), says {@code open}, and closes when a line arrives on standard input.
 */
public final class HoldForWriting {
    public static void main(String[] args) throws Exception {
        try (Warehouse w = Warehouse.open(Path.of(args[0]))) {
            w.execute("INSERT INTO load_log (load_id, source, scope, file_name, sha256, vintage, started_at, status) "
                    + "VALUES (nextval('load_id_seq'), 'held', 'held', 'held.csv', 'x', '2024', now(), 'loaded')");
            System.out.println("open");
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
        System.out.println("closed");
        System.out.flush();
    }
}
