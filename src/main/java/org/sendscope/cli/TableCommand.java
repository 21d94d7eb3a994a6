package org.sendscope.cli;

import picocli.CommandLine.Mixin;

/**
 * A command that reads the warehouse and prints tables: {@code --format table|csv|json} declared
 * once for {@code sql}, {@code status}, {@code ask}, {@code backtest ehcp} and the benchmarks.
 */
abstract class TableCommand extends Subcommand {
    @Mixin
    FormatOption format;
}
