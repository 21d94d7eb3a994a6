package org.sendscope.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code sendscope ees …}: any DfE statistics data set through the Explore Education Statistics
 * public API — find it, see its versions, fetch and load it, and see which loaded ones have newer
 * versions.
 */
@Command(name = "ees", mixinStandardHelpOptions = true,
        description = "DfE statistics through the Explore Education Statistics (EES) public API: search publications, "
                + "list their data sets and versions, fetch a version (verified, kept in a local cache) and load it, "
                + "and list the loaded data sets that have a newer version, with what changed.",
        subcommands = {
                EesSearchCommand.class,
                EesDatasetsCommand.class,
                EesVersionsCommand.class,
                EesFetchCommand.class,
                EesOutdatedCommand.class
        })
public final class EesCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
