package org.sendscope.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sendscope.ingest.finance.DsgLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sendscope load dsg FILE.xlsx …}: Dedicated Schools Grant balance (% of income) and allocations. */
@Command(name = "dsg", mixinStandardHelpOptions = true,
        description = {"Load DfE Dedicated Schools Grant workbooks: dsg_deficit_derived.xlsx (measure "
                + "dsg_cumulative_balance_pct_income, negative = deficit) and DSG_by_year_dr.xlsx (measure dsg_allocation, £), "
                + "by financial year.",
                "LA numbers and names get GSS codes from SEN2 release zips (--area-codes, else ../ehc-plans/*.zip beside "
                        + "the file's folder, else what the warehouse already knows)."})
public final class LoadDsgCommand implements Callable<Integer> {
    @Mixin
    WritingOptions options;
    @Mixin
    ReplaceOption replace;
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "DSG workbook(s) (.xlsx).")
    List<Path> files;

    @Mixin
    AreaCodesOption areaCodes;

    @Option(names = "--vintage", description = "Release to record (default: the year the latest financial year ends).")
    String vintage;

    @Override
    public Integer call() {
        Loading.each(options, spec.commandLine().getOut(), files, new DsgLoader(areaCodes.files(), vintage));
        return 0;
    }
}
