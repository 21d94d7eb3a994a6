package org.sendscope.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until the lait loader lands. */
@Command(name = "lait", mixinStandardHelpOptions = true, description = "Load lait (not yet available).")
public final class LoadLaitCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserException("load lait is not available yet");
    }
}
