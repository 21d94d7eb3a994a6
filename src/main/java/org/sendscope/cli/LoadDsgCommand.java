package org.sendscope.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until the dsg loader lands. */
@Command(name = "dsg", mixinStandardHelpOptions = true, description = "Load dsg (not yet available).")
public final class LoadDsgCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserException("load dsg is not available yet");
    }
}
