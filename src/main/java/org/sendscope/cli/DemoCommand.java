package org.sendscope.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.sendscope.demo.Demo;
import org.sendscope.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sendscope demo}: builds a warehouse from the repository's bundled data and runs the pipeline. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Build the warehouse from data bundled in the repository (KPI figures transcribed from BCP's "
                + "committee papers; a synthetic scorecard, labelled synthetic) and run the pipeline end to end.",
                "Running it again changes nothing (every load is checksummed); --fresh starts from an empty warehouse.",
                "It ends with a one-screen summary; --verbose adds every step's report and the full tables."})
public final class DemoCommand implements Callable<Integer> {
    @Mixin
    WritingOptions options;
    @Spec
    CommandSpec spec;

    @Option(names = "--fresh", description = "Delete the warehouse file first.")
    boolean fresh;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        out.println("sendscope demo: warehouse " + options.file().toAbsolutePath());
        // --fresh builds a new file that replaces the old one at the end, so readers keep the old until then.
        try (Warehouse w = fresh ? options.openEmpty() : options.openCreating(out)) {
            new Demo(Demo.steps()).run(w, out, options.verbose);
        }
        out.flush();
        return 0;
    }
}
