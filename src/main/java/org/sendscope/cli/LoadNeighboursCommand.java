package org.sendscope.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until the neighbours loader lands. */
@Command(name = "neighbours", mixinStandardHelpOptions = true, description = "Load neighbours (not yet available).")
public final class LoadNeighboursCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserException("load neighbours is not available yet");
    }
}
