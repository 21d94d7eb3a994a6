package org.sendscope.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that works on the warehouse: the options every such command shares ({@code --warehouse},
 * {@code --verbose}), declared once, and its output.
 */
abstract class Subcommand implements Callable<Integer> {
    @Mixin
    WarehouseOptions options;
    @Spec
    CommandSpec spec;

    /** The command's output. */
    final PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
