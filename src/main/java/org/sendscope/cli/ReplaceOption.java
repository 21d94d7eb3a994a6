package org.sendscope.cli;

import picocli.CommandLine.Option;

/**
 * {@code --replace} on the load commands: let a load supersede the earlier load of its scope even
 * when that removes a file, a measure, an area or many rows (refused otherwise, saying what would
 * be lost). {@link LoadSubcommand} gives it to the command's loader ({@code Loader.replacing}),
 * so it covers that command's loads and nothing else.
 */
public final class ReplaceOption {
    @Option(names = "--replace", description = "Replace the earlier load of the same release even if that removes data "
            + "(a file, a measure, an area or many rows); without it such a load is refused, saying what would be lost.")
    boolean replace;
}
