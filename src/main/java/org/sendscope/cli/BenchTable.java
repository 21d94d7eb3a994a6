package org.sendscope.cli;

import java.io.PrintWriter;
import java.util.List;
import org.sendscope.report.ResultPrinter;
import org.sendscope.report.TableFormat;

/**
 * The table {@code bench forecast} and {@code bench scenario} print: each task's seconds beside
 * the reference measured in the same run, their ratio, and the goal.
 */
final class BenchTable {
    static final List<String> COLUMNS = List.of("task", "seconds", "reference_seconds", "ratio", "goal_seconds",
            "within_goal");

    private BenchTable() {
    }

    /** Prints the rows (one per task, in {@link #COLUMNS}' order). */
    static void print(List<Object[]> rows, TableFormat format, PrintWriter out) {
        ResultPrinter.printRows(COLUMNS, rows, format, out);
        out.flush();
    }
}
