package org.sendscope.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sendscope.kernel.KernelSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sendscope notebook install}: writes the kernelspec Jupyter uses to start sendscope's kernel. */
@Command(name = "install", mixinStandardHelpOptions = true,
        description = "Write the Jupyter kernelspec (kernel.json) for sendscope's Java kernel: into target/jupyter "
                + "(found through JUPYTER_PATH, as 'notebook' and 'notebook run' set it) or, with --user, into "
                + "the user's Jupyter folder.")
public final class NotebookInstallCommand implements Callable<Integer> {
    @Option(names = "--user", description = "Install for the user (~/.local/share/jupyter) so any Jupyter finds it.")
    boolean user;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path home = KernelSpec.projectHome();
        Path target = user ? KernelSpec.userJupyterPath() : KernelSpec.localJupyterPath(home);
        Path dir;
        try {
            dir = KernelSpec.install(home, target);
        } catch (IOException e) {
            throw new UserException("cannot install the kernelspec: " + e.getMessage());
        }
        var out = spec.commandLine().getOut();
        out.println("installed kernel '" + KernelSpec.NAME + "' (" + KernelSpec.DISPLAY_NAME + "): " + dir.resolve("kernel.json"));
        if (!user) out.println("Jupyter finds it with JUPYTER_PATH=" + target);
        out.flush();
        return 0;
    }
}
