package org.sendscope.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Warehouses loaded from the shared published files once per test run (one build for both test
 * JVMs, {@link RunShared}), each test class (or test)
 * handed its own copy of the file: a test writes to its copy as much as it likes, and nothing
 * reloads the SEN2 releases from scratch. Use it as {@code @ExtendWith(SharedWarehouse.class)} and
 * a parameter {@code @SharedWarehouse.Copy(Contents.SEN2) Path warehouse} of a {@code @BeforeAll}
 * or {@code @Test} method.
 *
 * <p>Every load is the command a user types ({@code sendscope load …}) and must exit 0; a stage
 * starts from a copy of the one it builds on, so the loads and their ids are exactly those of the
 * same commands run one after another on an empty warehouse.
 */
public final class SharedWarehouse implements ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(SharedWarehouse.class);
    private static final String R2022 = "ehc-plans/education-health-and-care-plans_2022.zip";
    private static final String R2025 = "ehc-plans/education-health-and-care-plans_2025_to-jan-2023.zip";
    private static final String BCP = "E06000058";

    /** What a shared warehouse holds; each builds on the one before it in {@link #parent}. */
    public enum Contents {
        /** Both SEN2 releases: {@code load dfe-ehcp 2022.zip 2025_to-jan-2023.zip}. */
        SEN2(null),
        /** SEN2, then {@code load neighbours sn_may_2025.xlsx}. */
        SEN2_NEIGHBOURS(SEN2),
        /** SEN2, then BCP's improvement plan (published 2024-04-30) and July 2024 agenda pack as papers. */
        SEN2_PAPERS(SEN2),
        /**
         * What every notebook in notebooks/ reads: SEN2, the neighbours, BCP's two papers, and the
         * action snapshots of the three plans in the papers. A new notebook that needs another
         * source adds its load here.
         */
        NOTEBOOKS(SEN2_NEIGHBOURS),
        /** What {@code sendscope demo} builds (it reads the SEN2 releases in place where ../shared is present). */
        DEMO(null);

        final Contents parent;

        Contents(Contents parent) {
            this.parent = parent;
        }

        /** The commands that make this stage from its parent (each without {@code --warehouse}). */
        List<String[]> loads() {
            String plan = SharedData.paper("bcp-send-improvement-plan-2023-26.txt").toString();
            String pack = SharedData.paper("bcp-childrens-scrutiny-committee-2024-07-24-agenda-pack.txt").toString();
            return switch (this) {
                case SEN2 -> List.<String[]>of(new String[] {"load", "dfe-ehcp", SharedData.dfe(R2022).toString(),
                        SharedData.dfe(R2025).toString()});
                case SEN2_NEIGHBOURS -> List.<String[]>of(new String[] {"load", "neighbours",
                        SharedData.dfe("statistical-neighbours/sn_may_2025.xlsx").toString()});
                case SEN2_PAPERS -> papers(plan, pack);
                case NOTEBOOKS -> {
                    List<String[]> l = new ArrayList<>(papers(plan, pack));
                    l.add(new String[] {"load", "actions", plan, "--plan", "bcp-send-improvement-2023-26", "--snapshot",
                            "2024-04-12"});
                    l.add(new String[] {"load", "actions", pack, "--plan", "bcp-send-improvement-2023-26", "--snapshot",
                            "2024-05-22"});
                    l.add(new String[] {"load", "actions", SharedData.paper("hull-send-strategic-plan-2024-27.txt").toString(),
                            "--plan", "hull-send-strategic-plan-2024-27", "--snapshot", "2024-04-30"});
                    l.add(new String[] {"load", "actions", SharedData.paper("bedford-send-statement-of-action-2018.txt")
                            .toString(), "--plan", "bedford-wsoa-2018", "--snapshot", "2018-07-06"});
                    yield l;
                }
                case DEMO -> List.<String[]>of(new String[] {"demo"});
            };
        }

        private static List<String[]> papers(String plan, String pack) {
            return List.of(new String[] {"load", "paper", plan, "--area", BCP, "--published", "2024-04-30"},
                    new String[] {"load", "paper", pack, "--area", BCP, "--published", "2024-07-24"});
        }
    }

    /** The warehouse to copy for the annotated {@code Path} parameter. */
    @Target(ElementType.PARAMETER)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Copy {
        Contents value();
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
        return p.isAnnotated(Copy.class) && p.getParameter().getType() == Path.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext c) {
        Contents contents = p.findAnnotation(Copy.class).orElseThrow().value();
        Path built = built(contents);
        // The copy's folder goes when the class (or test) that asked for it is done.
        Folder folder = c.getStore(NS).computeIfAbsent("copies", k -> Folder.create("sendscope-copy-"), Folder.class);
        try {
            Path dir = Files.createTempDirectory(folder.path, contents.name().toLowerCase() + "-");
            Path copy = dir.resolve("w.duckdb");
            Files.copy(built, copy);
            return copy;
        } catch (IOException e) {
            throw new IllegalStateException("cannot copy " + built, e);
        }
    }

    /**
     * A copy of a stage's warehouse as {@code dir/w.duckdb}, for a test that first checks what it
     * needs (shared data, Jupyter) and only then asks for the warehouse.
     */
    public static Path copy(Contents contents, Path dir) {
        Path copy = dir.resolve("w.duckdb");
        try {
            Files.copy(built(contents), copy);
        } catch (IOException e) {
            throw new IllegalStateException("cannot copy the " + contents + " warehouse", e);
        }
        return copy;
    }

    /**
     * The warehouse file of a stage, built once per test run for all its JVMs ({@link RunShared})
     * and kept until the run ends; never written to (each class gets a copy).
     */
    static Path built(Contents contents) {
        // The parent first, so that no JVM waits for one stage while holding another's lock.
        Path parent = contents.parent == null ? null : built(contents.parent);
        return RunShared.once(contents.name().toLowerCase() + ".duckdb", file -> build(parent, file, contents));
    }

    private static void build(Path parent, Path file, Contents contents) throws IOException {
        if (parent != null) Files.copy(parent, file);
        for (String[] load : contents.loads()) {
            String[] args = Stream.concat(Arrays.stream(load), Stream.of("--warehouse", file.toString())).toArray(String[]::new);
            CliRun r = CliRun.of(args);
            assertEquals(0, r.code(), String.join(" ", load) + ": " + r.err());
        }
    }

    /** A temporary folder deleted with everything in it when its store is closed. */
    record Folder(Path path) implements AutoCloseable {
        static Folder create(String prefix) {
            try {
                return new Folder(Files.createTempDirectory(prefix));
            } catch (IOException e) {
                throw new IllegalStateException("cannot create a temporary folder", e);
            }
        }

        @Override
        public void close() throws IOException {
            try (Stream<Path> s = Files.walk(path)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }
}
