package org.sendscope.cli;

import java.io.PrintWriter;
import java.util.List;
import org.sendscope.ees.DataSet;
import org.sendscope.ees.EesCache;
import org.sendscope.ees.EesClient;
import org.sendscope.ingest.ees.EesLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sendscope ees fetch DATASET [--version V] [--load]}: a version into the cache, verified,
 * and with {@code --load} into the warehouse. A version already in the cache is not fetched
 * again, so {@code --version V --load} works offline once fetched.
 */
@Command(name = "fetch",
        description = "Fetch a data set version (its CSV, verified, and its metadata) into the local cache, and with "
                + "--load load it into the warehouse. A cached version is used without asking the API again.")
public final class EesFetchCommand extends LoadSubcommand {
    @Mixin
    EesOptions ees;

    @Parameters(paramLabel = "DATASET", description = "The data set's id (from 'ees datasets').")
    String dataSet;

    // --version is the data set's version here, so picocli's standard --version (sendscope's) is not mixed in
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--version", paramLabel = "V", description = "The version, e.g. 1.0, or 2.* for the latest 2.x (default: the latest).")
    String version;

    @Option(names = "--load", description = "Load the version into the warehouse once fetched.")
    boolean load;

    @Override
    public Integer call() {
        PrintWriter out = out();
        EesCache cache = ees.cache(options.file());
        EesClient client = ees.client(spec);
        // a wildcard (2.*) is the latest of its series, as the API resolves it
        String v = version == null ? EesOptions.asking(() -> latest(client, dataSet))
                : version.contains("*") ? EesOptions.asking(() -> client.version(dataSet, version.strip()).version())
                : version.strip();
        boolean had = EesOptions.asking(() -> cache.find(dataSet.strip(), v).isPresent());
        EesCache.CachedVersion cached = EesOptions.asking(() -> cache.fetch(client, dataSet.strip(), v));
        out.printf("%s %s version %s: %,d rows, SHA-256 %s, %s %s%n", cached.dataSetId(),
                cached.dataSet() == null ? "" : cached.dataSet().title(), cached.version(), cached.rows(),
                cached.sha256().substring(0, 12), had ? "already in" : "fetched into", cached.folder());
        out.flush();
        return load ? loadEach(List.of(cached.folder()), new EesLoader()) : 0;
    }

    private static String latest(EesClient client, String dataSet) {
        DataSet d = client.dataSet(dataSet);
        if (d.latestVersion() == null) throw new UserException("data set " + dataSet + " has no published version");
        return d.latestVersion().version();
    }
}
