package org.sendscope.cli;

import java.nio.file.Path;
import java.util.List;
import org.sendscope.ingest.dfe.Sen2Loader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sendscope load dfe-ehcp FILE.zip|DIR …}: SEN2 "Education, health and care plans" releases. */
@Command(name = "dfe-ehcp", mixinStandardHelpOptions = true,
        description = {"Load DfE SEN2 'Education, health and care plans' releases (zip as published, or its folder).",
                "Both layouts: the 2022 release (sen2_*.csv) and the current one (caseload.csv, newplans.csv, ...).",
                "Load these first: the LAIT, neighbours and DSG loads take LA numbers' GSS codes from their areas."})
public final class LoadDfeEhcpCommand extends LoadSubcommand {
    @Parameters(arity = "1..*", paramLabel = "FILE.zip|DIR", description = "Release zip files or folders.")
    List<Path> files;

    @Option(names = "--vintage", paramLabel = "YEAR",
            description = "Reporting year of the release (default: the year its data guidance states, else the latest "
                    + "January in its caseload; never the file name).")
    String vintage;

    @Override
    public Integer call() {
        return loadEach(files, new Sen2Loader(vintage));
    }
}
