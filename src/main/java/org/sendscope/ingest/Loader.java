package org.sendscope.ingest;

import java.nio.file.Path;
import org.sendscope.warehouse.Warehouse;

/**
 * The contract every loader keeps: one source file (or an unpacked release's folder) in, one
 * {@link LoadResult} out, in one transaction of an open warehouse. Whatever else a loader needs
 * (a vintage, a dictionary, an area) is given when it is made, so that the commands, the demo,
 * {@code bench load} and the tests all call the same {@code load}.
 *
 * <pre>{@code
 * Loader lait = new LaitLoader(dictionary, codeList, null);
 * LoadResult r = lait.load(warehouse, Path.of("bds_long.parquet"));
 * }</pre>
 */
@FunctionalInterface
public interface Loader {
    /**
     * Loads one file in one transaction: all of it or, when it is refused, none of it.
     *
     * @throws LoadException naming the file, line, column and raw text of what was refused
     */
    LoadResult load(Warehouse warehouse, Path file);

    /**
     * This loader, allowed (when {@code replace}) to supersede the earlier load of its scope even
     * when that removes a file, a measure, an area or many rows: the load commands' {@code --replace}.
     * The permission belongs to the loads made through the returned loader only, never to the process.
     */
    default Loader replacing(boolean replace) {
        if (!replace) return this;
        Loader self = this;
        return (warehouse, file) -> LoadRun.replacing(true, () -> self.load(warehouse, file));
    }
}
