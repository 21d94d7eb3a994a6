package org.sendscope.ingest.finance;

import java.sql.SQLException;
import java.util.List;
import org.sendscope.ingest.LoadRun;
import org.sendscope.ingest.staging.StagedRows;

/** Writes DSG observations of one load. */
final class DsgWriter {
    private DsgWriter() {
    }

    /** Values in observation_fact's column order (sql/schema/003). */
    static int write(LoadRun run, String measure, List<DsgObservation> rows) throws SQLException {
        StagedRows staged = new StagedRows("observation_fact", 14);
        for (DsgObservation o : rows) {
            staged.add(o.areaCode(), o.areaName(), o.level(), measure, "total", o.period().kindCode(), o.period().label(),
                    o.period().start(), o.period().end(), o.value(), o.status(), DsgMeasures.SOURCE, run.vintage(),
                    run.loadId());
        }
        return staged.insert(run.connection());
    }
}
