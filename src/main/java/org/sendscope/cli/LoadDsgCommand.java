package org.sendscope.cli;

import java.nio.file.Path;
import java.util.List;
import org.sendscope.ingest.finance.DsgLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sendscope load dsg FILE.xlsx …}: Dedicated Schools Grant balance (% of income) and allocations. */
@Command(name = "dsg", mixinStandardHelpOptions = true,
        description = {"Load DfE Dedicated Schools Grant workbooks: dsg_deficit_derived.xlsx (measure "
                + "dsg_cumulative_balance_pct_income, negative = deficit) and DSG_by_year_dr.xlsx (measure dsg_allocation, £), "
                + "by financial year.",
                "LA numbers and names get GSS codes from the areas of the SEN2 releases loaded (load dfe-ehcp first)."})
public final class LoadDsgCommand extends LoadSubcommand {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "DSG workbook(s) (.xlsx).")
    List<Path> files;

    @Option(names = "--vintage", description = "Release to record (default: the year the latest financial year ends).")
    String vintage;

    @Override
    public Integer call() {
        return loadEach(files, new DsgLoader(vintage));
    }
}
