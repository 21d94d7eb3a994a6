package org.sendscope.cli;

import java.io.PrintWriter;
import java.util.List;
import org.sendscope.ees.Outdated;
import org.sendscope.ingest.ees.EesHoldings;
import org.sendscope.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sendscope ees outdated}: for each loaded EES data set, whether a newer version exists and what it changed. */
@Command(name = "outdated", mixinStandardHelpOptions = true,
        description = "For every EES data set in the warehouse: the version loaded, whether the API has a newer one, "
                + "and a summary of each newer version's changes (major: something removed; minor: additions).")
public final class EesOutdatedCommand extends EesSubcommand {
    @Mixin
    WarehouseOptions options;

    @Option(names = "--ids", description = "Print only the ids of the data sets with a newer version, one a line "
            + "(for a script: each can be given to 'ees fetch ID --load').")
    boolean idsOnly;

    @Override
    public Integer call() {
        PrintWriter out = out();
        List<Outdated.Held> held;
        options.existing();
        try (Warehouse w = options.openReadOnly()) {
            held = EesHoldings.of(w);
        }
        if (held.isEmpty() && !idsOnly) out.println("no EES data set is loaded ('ees fetch DATASET --load' loads one)");
        List<Outdated.Status> statuses = EesOptions.asking(() -> Outdated.check(client(), held));
        for (Outdated.Status s : statuses) {
            if (idsOnly) {
                if (s.isOutdated()) out.println(s.held().dataSetId());
            } else {
                s.lines().forEach(out::println);
            }
        }
        out.flush();
        return 0;
    }
}
