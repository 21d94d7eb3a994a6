package org.sendscope.kernel;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A query result as a Tablesaw table. Written here rather than using Tablesaw's own JDBC reader
 * because DuckDB returns types that reader does not know (HUGEINT from {@code sum(BIGINT)}, LIST,
 * STRUCT): numbers become numeric columns, dates date columns, anything else its text.
 */
public final class ResultTables {
    private ResultTables() {
    }

    /** Reads every row of {@code rs}. */
    public static Table read(ResultSet rs, String name) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<Column<?>> cols = new ArrayList<>();
        List<String> used = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String label = unique(md.getColumnLabel(i), used);
            cols.add(switch (md.getColumnType(i)) {
                case Types.BOOLEAN, Types.BIT -> BooleanColumn.create(label);
                case Types.TINYINT, Types.SMALLINT, Types.INTEGER -> IntColumn.create(label);
                case Types.BIGINT -> LongColumn.create(label);
                case Types.FLOAT, Types.REAL, Types.DOUBLE, Types.DECIMAL, Types.NUMERIC -> DoubleColumn.create(label);
                case Types.DATE -> DateColumn.create(label);
                case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> DateTimeColumn.create(label);
                default -> "HUGEINT".equalsIgnoreCase(md.getColumnTypeName(i))
                        ? DoubleColumn.create(label) : StringColumn.create(label);
            });
        }
        while (rs.next()) {
            for (int i = 1; i <= n; i++) append(cols.get(i - 1), rs.getObject(i));
        }
        return Table.create(name, cols);
    }

    private static String unique(String label, List<String> used) {
        String l = label;
        for (int k = 2; used.contains(l); k++) l = label + "_" + k;
        used.add(l);
        return l;
    }

    private static void append(Column<?> c, Object v) {
        if (v == null) {
            c.appendMissing();
        } else if (c instanceof BooleanColumn b) {
            b.append((Boolean) v);
        } else if (c instanceof IntColumn ic) {
            ic.append(((Number) v).intValue());
        } else if (c instanceof LongColumn lc) {
            lc.append(((Number) v).longValue());
        } else if (c instanceof DoubleColumn dc) {
            dc.append(v instanceof BigDecimal bd ? bd.doubleValue()
                    : v instanceof BigInteger bi ? bi.doubleValue() : ((Number) v).doubleValue());
        } else if (c instanceof DateColumn dc) {
            dc.append(v instanceof LocalDate d ? d : v instanceof Date d ? d.toLocalDate() : LocalDate.parse(v.toString()));
        } else if (c instanceof DateTimeColumn dc) {
            dc.append(v instanceof LocalDateTime t ? t : v instanceof Timestamp t ? t.toLocalDateTime()
                    : LocalDateTime.parse(v.toString().replace(' ', 'T')));
        } else {
            ((StringColumn) c).append(v.toString());
        }
    }
}
