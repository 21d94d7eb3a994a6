package org.sendscope.ingest;

/** What one load did: its id (or the id of the identical earlier load), rows in, rows refused. */
public record LoadResult(long loadId, String source, String file, String vintage, long rowsLoaded,
                         long rowsRejected, boolean unchanged) {

    @Override
    public String toString() {
        if (unchanged) {
            return String.format("%s: %s vintage %s already loaded as load %d, unchanged", source, file, vintage, loadId);
        }
        return String.format("%s: %s vintage %s loaded as load %d: %,d rows%s", source, file, vintage, loadId,
                rowsLoaded, rowsRejected == 0 ? "" : String.format(", %,d values rejected (see load_rejects)", rowsRejected));
    }
}
