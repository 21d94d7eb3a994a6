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
     * @param replace whether the load may supersede the earlier load of its scope even when that
     *                removes a file, a measure, an area or many rows (the load commands'
     *                {@code --replace}); handed to {@link LoadRun#run} as it is
     * @throws LoadException naming the file, line, column and raw text of what was refused
     */
    LoadResult load(Warehouse warehouse, Path file, boolean replace);

    /** Loads one file, refusing to replace an earlier load where that would lose data. */
    default LoadResult load(Warehouse warehouse, Path file) {
        return load(warehouse, file, false);
    }

    /**
     * This loader, allowed (when {@code replace}) to supersede the earlier load of its scope even
     * when that removes data. The permission belongs to the loads made through the returned loader
     * only, never to the process or the thread.
     */
    default Loader replacing(boolean replace) {
        if (!replace) return this;
        Loader self = this;
        return (warehouse, file, given) -> self.load(warehouse, file, true);
    }
}
