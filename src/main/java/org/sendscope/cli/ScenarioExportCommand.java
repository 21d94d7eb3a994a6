package org.sendscope.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.sendscope.finance.DsgPlanExport;
import org.sendscope.finance.Scenario;
import org.sendscope.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sendscope scenario export FILE.yaml --template dsg-plan --out FILE.xlsx}: the scenario in
 * the DSG deficit management plan's layout (children and young people by category and age, the
 * financial summary, and the sources), stored as a run too.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a scenario as an xlsx in the DSG deficit management plan's layout.")
public final class ScenarioExportCommand extends ScenarioSubcommand {

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
            StoredRun stored = runAndStore(w, s, file, 0);
            long run = stored.runId();
            DsgPlanExport.write(stored.inputs(), stored.results(), run, out);
            spec.commandLine().getOut().println("Wrote " + out + " (scenario run " + run + "): sheets CYP summary, Financial summary, Sources.");
            spec.commandLine().getOut().flush();
        } catch (IOException e) {
            throw new UserException("cannot write " + out + ": " + e.getMessage());
        }
        return 0;
    }
}
