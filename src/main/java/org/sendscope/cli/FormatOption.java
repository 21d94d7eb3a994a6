package org.sendscope.cli;

import org.sendscope.report.TableFormat;
import picocli.CommandLine.Option;

/** {@code --format table|csv|json}, shared by the commands that print tables. */
public final class FormatOption {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    public TableFormat format = TableFormat.table;
}
