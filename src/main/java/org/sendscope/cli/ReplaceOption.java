package org.sendscope.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * {@code --replace} on the load commands: let a load supersede the earlier load of its scope even
 * when that removes a file, a measure, an area or many rows (refused otherwise, saying what would
 * be lost). {@link Main} runs the command inside {@code LoadRun.replacing} when it is given.
 */
public final class ReplaceOption {
    @Option(names = "--replace", description = "Replace the earlier load of the same release even if that removes data "
            + "(a file, a measure, an area or many rows); without it such a load is refused, saying what would be lost.")
    boolean replace;

    /** Whether the command line gave {@code --replace} to the command it runs. */
    static boolean given(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--replace")) return true;
        }
        return false;
    }
}
