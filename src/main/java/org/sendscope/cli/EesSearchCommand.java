package org.sendscope.cli;

import java.io.PrintWriter;
import java.util.List;
import org.sendscope.ees.Publication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code sendscope ees search TEXT}: the publications whose title or summary matches. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "List the EES publications matching TEXT: id, title, when last published.")
public final class EesSearchCommand extends EesSubcommand {
    @Parameters(arity = "1..*", paramLabel = "TEXT", description = "Words to search for, e.g. education health care plans.")
    List<String> words;

    @Override
    public Integer call() {
        PrintWriter out = out();
        List<Publication> found = EesOptions.asking(() -> client().publications(String.join(" ", words)));
        if (found.isEmpty()) out.println("no publication matches '" + String.join(" ", words) + "'");
        for (Publication p : found) {
            out.println(p.id() + "  " + p.title() + (p.lastPublished() == null ? "" : "  (last published "
                    + p.lastPublished().substring(0, Math.min(10, p.lastPublished().length())) + ")"));
        }
        out.flush();
        return 0;
    }
}
