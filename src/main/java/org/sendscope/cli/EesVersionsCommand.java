package org.sendscope.cli;

import java.io.PrintWriter;
import java.util.List;
import org.sendscope.ees.DataSetVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code sendscope ees versions DATASET}: every version of a data set. */
@Command(name = "versions", mixinStandardHelpOptions = true,
        description = "List a data set's versions: number, major or minor, status, when published, the release, rows.")
public final class EesVersionsCommand extends EesSubcommand {
    @Parameters(paramLabel = "DATASET", description = "The data set's id (from 'ees datasets').")
    String dataSet;

    @Override
    public Integer call() {
        PrintWriter out = out();
        List<DataSetVersion> versions = EesOptions.asking(() -> client().versions(dataSet));
        for (DataSetVersion v : versions) {
            out.printf("%s  %s  %s  %s  %s  %,d rows%n", v.version(), v.type(), v.status(),
                    v.published() == null ? "-" : v.published().substring(0, Math.min(10, v.published().length())),
                    v.release() == null ? "" : v.release().title(), v.totalResults());
        }
        out.flush();
        return 0;
    }
}
