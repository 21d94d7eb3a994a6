package org.sendscope.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.sendscope.ees.EesCache;
import org.sendscope.ees.EesClient;
import org.sendscope.ees.EesException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The options of every {@code ees} command: which API, how patient, where the cache is. */
public final class EesOptions {
    @Option(names = "--base-url", paramLabel = "URL", defaultValue = "https://api.education.gov.uk/statistics/v1/",
            description = "The EES public API to ask (default: ${DEFAULT-VALUE}, the DfE's live API); a mirror or a test server.")
    String baseUrl;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Give up on a request that has not begun to answer after SECONDS (default: ${DEFAULT-VALUE}); "
                    + "it is tried again, 4 times in all.")
    String timeoutSeconds;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "Where fetched versions are kept (default: $SENDSCOPE_EES_CACHE, else ees-cache beside the warehouse).")
    Path cache;

    /** The client these options describe, naming sendscope's version as its user agent. */
    EesClient client(CommandSpec spec) {
        String t = timeoutSeconds.strip();
        if (!t.matches("\\d{1,6}(\\.\\d{1,3})?") || Double.parseDouble(t) <= 0) {
            throw new UserException("--timeout takes a number of seconds above 0, not '" + timeoutSeconds + "'");
        }
        URI base;
        try {
            base = URI.create(baseUrl.strip());
        } catch (IllegalArgumentException e) {
            throw new UserException("--base-url '" + baseUrl + "' is not a URL");
        }
        if (!"https".equals(base.getScheme()) && !"http".equals(base.getScheme())) {
            throw new UserException("--base-url '" + baseUrl + "' is not an http(s) URL");
        }
        String[] version = spec.root().version();
        String v = version.length == 0 ? "dev" : version[0].replaceFirst("^sendscope\\s*", "");
        return new EesClient(base, EesClient.Settings.defaults("sendscope/" + v)
                .withTimeout(Duration.ofMillis((long) (Double.parseDouble(t) * 1000))));
    }

    /** The cache: {@code --cache}, else {@code $SENDSCOPE_EES_CACHE}, else {@code ees-cache} beside the warehouse file. */
    EesCache cache(Path warehouseFile) {
        if (cache != null) return new EesCache(cache);
        String env = System.getenv("SENDSCOPE_EES_CACHE");
        if (env != null && !env.isBlank()) return new EesCache(Path.of(env));
        Path dir = warehouseFile.toAbsolutePath().getParent();
        return new EesCache(dir.resolve("ees-cache"));
    }

    /** Runs a step that asks the API; its failure is the user's to act on (exit 1), said in one line. */
    static <T> T asking(Supplier<T> step) {
        try {
            return step.get();
        } catch (EesException e) {
            throw new UserException(e.getMessage());
        }
    }
}
