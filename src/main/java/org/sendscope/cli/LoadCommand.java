package org.sendscope.cli;

import picocli.CommandLine.Command;

/** {@code sendscope load <source> FILE…}: one subcommand per kind of source, one loader each. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Load a source file into the warehouse (one transaction per file; re-loading changes nothing).",
        subcommands = {
                LoadDfeEhcpCommand.class,
                LoadLaitCommand.class,
                LoadNeighboursCommand.class,
                LoadKpisCommand.class,
                LoadPaperCommand.class,
                LoadDsgCommand.class,
                LoadActionsCommand.class,
                LoadSparkCommand.class
        })
public final class LoadCommand extends CommandGroup {
}
