package org.sendscope.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real published files and papers in {@code ../shared}, read in place (never copied into the
 * repository). Where {@code ../shared} is absent a test is skipped with the reason, except under
 * {@code CI=true}, where it must run and so fails instead.
 */
public final class SharedData {
    private SharedData() {
    }

    /** The shared folder: {@code $SENDSCOPE_SHARED}, else {@code ../shared} beside the checkout. */
    public static Path root() {
        String env = System.getenv("SENDSCOPE_SHARED");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of("..", "shared").toAbsolutePath().normalize();
    }

    /** A file under {@code ../shared}, e.g. {@code data/dfe/lait/bds_long.parquet}; skips the test if absent. */
    public static Path file(String relative) {
        Path p = root().resolve(relative);
        if (!Files.exists(p)) {
            String why = p + " is absent (the shared data sits beside the checkout as ../shared)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) fail("CI=true but " + why);
            assumeTrue(false, "skipped: " + why);
        }
        return p;
    }

    /** A DfE file under {@code ../shared/data/dfe}. */
    public static Path dfe(String relative) {
        return file("data/dfe/" + relative);
    }

    /** A paper under {@code ../shared/papers}. */
    public static Path paper(String name) {
        return file("papers/" + name);
    }
}
