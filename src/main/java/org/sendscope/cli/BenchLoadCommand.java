package org.sendscope.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until load lands. */
@Command(name = "load", mixinStandardHelpOptions = true, description = "(not yet available)")
public final class BenchLoadCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserException("load is not available yet");
    }
}
