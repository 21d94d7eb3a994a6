package org.sendscope.ingest.ees;

import java.nio.file.Files;
import java.nio.file.Path;
import org.sendscope.ees.EesCache;
import org.sendscope.ees.EesException;
import org.sendscope.ingest.LoadException;
import org.sendscope.ingest.LoadResult;
import org.sendscope.ingest.LoadRun;
import org.sendscope.ingest.Loader;
import org.sendscope.ingest.SourceFile;
import org.sendscope.warehouse.Warehouse;

/**
 * Any data set in the EES tidy format, as {@code sendscope ees fetch} keeps it in the cache (one
 * folder per data set and version: the CSV and the version's metadata), loaded into
 * {@code observations}, {@code measures} and {@code areas} in one transaction
 * ({@link EesDataSetLoad}). The load's scope is the data set, so a newer version replaces the one
 * loaded before it, refused if that would lose a measure, an area or many rows unless replacing;
 * its vintage is {@code DATA_SET_ID@VERSION} (docs/decisions/0206-ees-loader.md).
 *
 * <pre>{@code
 * LoadResult r = new EesLoader().load(warehouse, cache.folder(dataSetId, "2.0"));
 * }</pre>
 */
public final class EesLoader implements Loader {
    /** The loader's name in {@code loads.source}. */
    public static final String SOURCE = "ees";

    @Override
    public LoadResult load(Warehouse warehouse, Path folder, boolean replace) {
        EesCache.CachedVersion v;
        try {
            v = EesCache.CachedVersion.open(folder);
        } catch (EesException e) {
            LoadException refused = new LoadException(folder.toString(), e.getMessage(), e);
            if (!Files.isDirectory(folder)) throw refused;
            throw LoadRun.refused(warehouse, SOURCE, SourceFile.ofDirectory(folder), refused);
        }
        SourceFile file = new SourceFile(v.csv(), v.csv().toString(), v.sha256());
        return LoadRun.run(warehouse, SOURCE, SOURCE + "|" + v.dataSetId(), file, vintage(v.dataSetId(), v.version()), replace,
                run -> new EesDataSetLoad(run, v).load());
    }

    /** The vintage of a data set version: {@code DATA_SET_ID@VERSION}. */
    public static String vintage(String dataSetId, String version) {
        return dataSetId + "@" + version;
    }
}
