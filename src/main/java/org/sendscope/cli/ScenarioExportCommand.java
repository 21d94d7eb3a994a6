package org.sendscope.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sendscope.finance.DeficitModel;
import org.sendscope.finance.DsgPlanExport;
import org.sendscope.finance.Scenario;
import org.sendscope.finance.ScenarioInputs;
import org.sendscope.finance.ScenarioStore;
import org.sendscope.finance.YearResults;
import org.sendscope.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sendscope scenario export FILE.yaml --template dsg-plan --out FILE.xlsx}: the scenario in
 * the DSG deficit management plan's layout (children and young people by category and age, the
 * financial summary, and the sources), stored as a run too.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a scenario as an xlsx in the DSG deficit management plan's layout.")
public final class ScenarioExportCommand implements Callable<Integer> {
    @Mixin
    WarehouseOptions options;
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE.yaml", description = "The scenario file.")
    Path file;

    @Option(names = "--template", paramLabel = "NAME", defaultValue = "dsg-plan", description = "Layout: dsg-plan (default).")
    String template;

    @Option(names = "--out", paramLabel = "FILE.xlsx", required = true, description = "The workbook to write.")
    Path out;

    @Override
    public Integer call() {
        if (!template.equals("dsg-plan")) throw new UserException("unknown template '" + template + "'; templates: dsg-plan");
        if (!out.getFileName().toString().endsWith(".xlsx")) throw new UserException("--out must be an .xlsx file, not " + out);
        Scenario s = Scenarios.read(file);
        try (Warehouse w = options.openForWriting()) {
            ScenarioInputs in = Scenarios.inputs(w, s, true);
            YearResults r = DeficitModel.run(in, in.knobs().base(), true);
            String command = "sendscope scenario export " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
            long run = ScenarioStore.save(w, in, r, null, file.toString(), command);
            DsgPlanExport.write(in, r, run, out);
            spec.commandLine().getOut().println("Wrote " + out + " (scenario run " + run + "): sheets CYP summary, Financial summary, Sources.");
            spec.commandLine().getOut().flush();
        } catch (IOException e) {
            throw new UserException("cannot write " + out + ": " + e.getMessage());
        }
        return 0;
    }
}
