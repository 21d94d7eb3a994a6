package org.sendscope.ingest;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * DuckDB settings for the time a load reads and writes, put back as they were afterwards:
 * <ul>
 *   <li>one thread: on files of the DfE releases' size two threads give little to the reads and
 *       cost the writes, as each thread appends its own part-filled row groups, which the commit or
 *       the next checkpoint then merges (the 2022 SEN2 release: checkpoint 140 ms on two threads,
 *       10 ms on one);</li>
 *   <li>each full row group written out as the insert fills it, not buffered five at a time until
 *       the commit (measured a few per cent faster over the DfE set, and less memory).</li>
 * </ul>
 * See docs/decisions/0070-load-speed.md.
 *
 * <pre>{@code
 * try (LoadSettings s = LoadSettings.apply(connection)) {
 *     ... stage, check, insert ...
 * }
 * }</pre>
 */
public final class LoadSettings implements AutoCloseable {
    private static final String[][] SETTINGS = {{"threads", "1"}, {"write_buffer_row_group_count", "1"}};
    private final Connection connection;
    private final String[] before;

    private LoadSettings(Connection connection, String[] before) {
        this.connection = connection;
        this.before = before;
    }

    /** Applies the load settings until {@link #close()}. */
    public static LoadSettings apply(Connection c) throws SQLException {
        String[] before = new String[SETTINGS.length];
        try (Statement s = c.createStatement()) {
            for (int i = 0; i < SETTINGS.length; i++) {
                try (ResultSet rs = s.executeQuery("SELECT current_setting('" + SETTINGS[i][0] + "')")) {
                    rs.next();
                    before[i] = rs.getString(1);
                }
                if (!SETTINGS[i][1].equals(before[i])) s.execute("SET " + SETTINGS[i][0] + " = " + SETTINGS[i][1]);
            }
        }
        return new LoadSettings(c, before);
    }

    /** Puts the settings back as they were. */
    @Override
    public void close() throws SQLException {
        if (connection.isClosed()) return;
        try (Statement s = connection.createStatement()) {
            for (int i = 0; i < SETTINGS.length; i++) {
                if (!SETTINGS[i][1].equals(before[i])) s.execute("SET " + SETTINGS[i][0] + " = " + before[i]);
            }
        }
    }
}
