package org.sendscope.ingest.dfe;

import java.nio.file.Path;
import org.sendscope.ingest.LoadResult;
import org.sendscope.ingest.Loader;
import org.sendscope.warehouse.Warehouse;

/**
 * The SEN2 "Education, health and care plans" releases as a {@link Loader}: a zip as published, or
 * its unpacked folder, read by {@link Sen2Release}.
 *
 * @param vintage the reporting year to record, or null for the one the release's own data
 *                guidance states (never its file name)
 */
public record Sen2Loader(String vintage) implements Loader {
    /** A loader that takes each release's year from its content. */
    public Sen2Loader() {
        this(null);
    }

    @Override
    public LoadResult load(Warehouse warehouse, Path release, boolean replace) {
        return Sen2Release.load(warehouse, release, vintage, replace);
    }
}
