package org.sendscope.ingest.actions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.sendscope.ingest.LoadResult;
import org.sendscope.ingest.LoadTemp;
import org.sendscope.ingest.SourceFile;
import org.sendscope.warehouse.Warehouse;

/**
 * The bundled demo tracker: 43 actions of the BCP SEND Improvement Plan 2023/26 (priorities 1 and 5),
 * transcribed from the plan (src/main/resources/demo/actions/README.md), for {@code sendscope demo}.
 */
public final class ActionsDemo {
    /** The bundled resource. */
    public static final String RESOURCE = "demo/actions/bcp-improvement-plan-tracker.csv";
    /** The plan id the demo loads it as. */
    public static final String PLAN = "bcp-send-improvement-2023-26-transcribed";
    /** The snapshot: the plan version's date, 12/04/24. */
    public static final LocalDate SNAPSHOT = LocalDate.of(2024, 4, 12);

    private ActionsDemo() {
    }

    /** Loads the demo tracker into the warehouse (a no-op when it is already loaded). */
    public static LoadResult load(Warehouse warehouse) {
        byte[] bytes;
        try (InputStream in = ActionsDemo.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path tmp = null;
        try {
            tmp = LoadTemp.folder();
            Path csv = tmp.resolve("demo-actions.csv");
            Files.write(csv, bytes);
            SourceFile file = new SourceFile(csv, RESOURCE + " (transcribed from the BCP SEND Improvement Plan 2023/26 "
                    + "v1.2)", SourceFile.sha256(bytes));
            return ActionSnapshotLoader.load(warehouse, file, PLAN, SNAPSHOT, PlanFormat.TRACKER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            LoadTemp.delete(tmp);
        }
    }
}
