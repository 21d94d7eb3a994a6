package org.sendscope.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code sendscope report <what>}: publishable outputs built from the warehouse. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Build a publishable report from the warehouse.",
        subcommands = {ReportScorecardCommand.class})
public final class ReportCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
