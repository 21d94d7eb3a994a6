package org.sendscope.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sendscope.kernel.SendscopeKernel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code sendscope notebook kernel CONNECTION_FILE}: runs the Jupyter kernel through the launcher.
 * The kernelspec starts {@link SendscopeKernel} with {@code java} directly (no shell, no build
 * check: faster); this is for a Jupyter set up by hand with {@code ./sendscope} as its command.
 */
@Command(name = "kernel", hidden = true, mixinStandardHelpOptions = true,
        description = "Run sendscope's Jupyter kernel on a connection file (Jupyter calls this).")
public final class NotebookKernelCommand implements Callable<Integer> {
    @Parameters(paramLabel = "CONNECTION_FILE", description = "The connection file Jupyter writes.")
    Path connectionFile;

    @Override
    public Integer call() throws Exception {
        SendscopeKernel.main(new String[] {connectionFile.toString()});
        return 0;
    }
}
