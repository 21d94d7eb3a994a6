package org.sendscope.cli;

import java.io.PrintWriter;
import java.util.List;
import org.sendscope.ees.DataSet;
import org.sendscope.ees.EesClient;
import org.sendscope.ees.Publication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code sendscope ees datasets PUBLICATION}: a publication's data sets, with their latest versions. */
@Command(name = "datasets", mixinStandardHelpOptions = true,
        description = "List the data sets of a publication (its id, or its slug as in its web address): id, title, "
                + "latest version, periods and geographic levels.")
public final class EesDatasetsCommand extends EesSubcommand {
    @Parameters(paramLabel = "PUBLICATION", description = "The publication's id (from 'ees search') or slug.")
    String publication;

    @Override
    public Integer call() {
        PrintWriter out = out();
        EesClient client = client();
        String id = EesOptions.asking(() -> publicationId(client, publication));
        List<DataSet> sets = EesOptions.asking(() -> client.dataSets(id));
        if (sets.isEmpty()) out.println("publication " + id + " offers no data sets through the API");
        for (DataSet d : sets) {
            DataSet.LatestVersion v = d.latestVersion();
            out.println(d.id() + "  " + d.title() + (v == null ? "  (no published version)" : "  version " + v.version()
                    + ", " + v.timePeriods() + ", " + String.join(", ", v.geographicLevels()))
                    + (d.status() == null || d.status().equals("Published") ? "" : "  [" + d.status() + "]"));
        }
        out.flush();
        return 0;
    }

    /** A GUID is an id; anything else is looked for as a publication's slug. */
    static String publicationId(EesClient client, String given) {
        String g = given.strip();
        if (g.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) return g;
        List<Publication> found = client.publications(g.replace('-', ' '));
        return found.stream().filter(p -> g.equalsIgnoreCase(p.slug())).map(Publication::id).findFirst()
                .orElseThrow(() -> new UserException("no publication has the slug '" + g + "' (ees search TEXT lists ids)"));
    }
}
