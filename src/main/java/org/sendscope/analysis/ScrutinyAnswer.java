package org.sendscope.analysis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.sendscope.warehouse.Warehouse;
import org.sendscope.warehouse.WarehouseException;

/**
 * A named scrutiny question answered for one LA up to a date: the rows the question's SQL returns,
 * the answer in words (one sentence per row) and the loads every figure came from. {@code ask},
 * the SQL console's {@code .ask} and the demo's summary all answer through this class; they only
 * print it.
 *
 * @param question   the question
 * @param areaCode   the LA's GSS code
 * @param areaName   its name, as {@code areas} has it
 * @param asOf       figures up to this date
 * @param columns    the result's column names, in order
 * @param fractional the columns holding DOUBLE or DECIMAL values (rounded in {@link #table})
 * @param rows       the result, one map per row in column order
 */
public record ScrutinyAnswer(ScrutinyQuestion question, String areaCode, String areaName, LocalDate asOf,
                             List<String> columns, Set<String> fractional, List<Map<String, Object>> rows) {

    /** A load a figure of the answer came from. */
    public record Source(long loadId, String source, String fileName, String vintage, String finishedAt,
                         String sha256Start) {
        @Override
        public String toString() {
            return "load " + loadId + ": " + source + " " + fileName + ", vintage " + vintage + ", loaded " + finishedAt
                    + ", sha256 " + sha256Start + "…";
        }
    }

    /**
     * Answers {@code q} for the LA {@code areaCode} (a GSS code the warehouse's {@code areas}
     * knows) with figures up to {@code asOf}.
     */
    public static ScrutinyAnswer of(Warehouse w, ScrutinyQuestion q, String areaCode, String areaName, LocalDate asOf) {
        List<String> columns = new ArrayList<>();
        Set<String> fractional = new LinkedHashSet<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        try (PreparedStatement p = q.prepare(w.connection(), parameters(areaCode, asOf));
             ResultSet rs = p.executeQuery()) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                columns.add(md.getColumnLabel(i));
                int t = md.getColumnType(i);
                if (t == Types.DOUBLE || t == Types.FLOAT || t == Types.REAL || t == Types.DECIMAL || t == Types.NUMERIC) {
                    fractional.add(md.getColumnLabel(i));
                }
            }
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) row.put(md.getColumnLabel(i), rs.getObject(i));
                rows.add(row);
            }
        } catch (SQLException e) {
            throw WarehouseException.internal(q.name() + ": " + firstLine(e.getMessage()), e);
        }
        return new ScrutinyAnswer(q, areaCode, areaName, asOf, List.copyOf(columns), Set.copyOf(fractional),
                List.copyOf(rows));
    }

    private static Map<String, String> parameters(String areaCode, LocalDate asOf) {
        return Map.of("area", areaCode, "as_of", asOf.toString());
    }

    /** Whether the warehouse holds any figure that answers the question. */
    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The answer in words: the question's answer template filled in from each row. */
    public List<String> sentences() {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            String s = question.answer(row);
            if (s != null) out.add(s);
        }
        return out;
    }

    /**
     * The table shown with the answer, prepared on {@code c}: the columns without the words-only
     * {@code say_} ones, fractional numbers rounded to three decimals.
     */
    public PreparedStatement table(Connection c) throws SQLException {
        return question.prepareTable(c, parameters(areaCode, asOf), columns, fractional);
    }

    /** The loads the answer's figures came from (every column whose name ends {@code load_id}). */
    public List<Source> sources(Warehouse w) {
        TreeSet<Long> ids = new TreeSet<>();
        for (Map<String, Object> r : rows) {
            for (Map.Entry<String, Object> e : r.entrySet()) {
                if (e.getKey().endsWith("load_id") && e.getValue() instanceof Number n) ids.add(n.longValue());
            }
        }
        List<Source> out = new ArrayList<>();
        try (PreparedStatement p = w.connection().prepareStatement(
                "SELECT source, file_name, vintage, finished_at, left(sha256, 12) FROM loads WHERE load_id = ?")) {
            for (long id : ids) {
                p.setLong(1, id);
                try (ResultSet rs = p.executeQuery()) {
                    if (rs.next()) {
                        out.add(new Source(id, rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5)));
                    }
                }
            }
        } catch (SQLException e) {
            throw WarehouseException.internal("naming the sources of " + question.name() + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static String firstLine(String message) {
        if (message == null) return "query failed";
        String m = message.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
