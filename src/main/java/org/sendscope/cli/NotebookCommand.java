package org.sendscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sendscope.kernel.KernelSpec;
import org.sendscope.kernel.NotebookRunner;
import picocli.CommandLine.Command;

/**
 * {@code sendscope notebook}: starts Jupyter on {@code notebooks/} with sendscope's Java kernel,
 * or says how to install Jupyter when it is not there.
 */
@Command(name = "notebook", mixinStandardHelpOptions = true,
        description = "Start Jupyter on notebooks/ with sendscope's Java kernel (install, run: see subcommands).",
        subcommands = {NotebookInstallCommand.class, NotebookRunCommand.class, NotebookKernelCommand.class})
public final class NotebookCommand extends Subcommand {
    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = out();
        String server = NotebookRunner.onPath("jupyter-lab") ? "lab" : NotebookRunner.onPath("jupyter-notebook") ? "notebook" : null;
        if (server == null) {
            throw new UserException("Jupyter's notebook server is not installed; install it with: "
                    + "sudo apt-get install jupyter-notebook — then run ./sendscope notebook again "
                    + "(to execute the notebooks without a browser: ./sendscope notebook run)");
        }
        Path home = KernelSpec.projectHome();
        Path spec = KernelSpec.install(home, KernelSpec.localJupyterPath(home));
        out.println("kernel: " + spec.resolve("kernel.json"));
        out.println("starting jupyter " + server + " on " + home.resolve("notebooks") + " (Ctrl-C to stop)");
        out.flush();
        List<String> cmd = new ArrayList<>(List.of("jupyter", server, "--notebook-dir=" + home.resolve("notebooks")));
        ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
        String old = pb.environment().get("JUPYTER_PATH");
        String local = KernelSpec.localJupyterPath(home).toString();
        pb.environment().put("JUPYTER_PATH", old == null || old.isBlank() ? local : local + java.io.File.pathSeparator + old);
        // the kernels read the warehouse this command was given (or the default), wherever Jupyter starts them
        Path warehouse = options.file().toAbsolutePath().normalize();
        pb.environment().put(org.sendscope.warehouse.Warehouse.ENV, warehouse.toString());
        out.println("warehouse: " + warehouse);
        out.flush();
        return pb.start().waitFor() == 0 ? 0 : Main.USER_ERROR;
    }
}
