package org.sendscope.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.sendscope.ees.EesClient;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * An {@code ees} command that asks the API and prints what it says ({@code search},
 * {@code datasets}, {@code versions}, {@code outdated}): the API options, declared once, the
 * client they describe, and the command's output.
 */
abstract class EesSubcommand implements Callable<Integer> {
    @Mixin
    EesOptions ees;
    @Spec
    CommandSpec spec;

    /** The command's output. */
    final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** The client of the API that {@code --base-url} and {@code --timeout} name. */
    final EesClient client() {
        return ees.client(spec);
    }
}
