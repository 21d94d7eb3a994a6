package org.sendscope.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until dfe-ehcp lands. */
@Command(name = "dfe-ehcp", mixinStandardHelpOptions = true, description = "(not yet available)")
public final class LoadDfeEhcpCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserException("dfe-ehcp is not available yet");
    }
}
