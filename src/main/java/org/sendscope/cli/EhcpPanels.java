package org.sendscope.cli;

import java.util.List;
import org.sendscope.forecast.EhcpForecasting;
import org.sendscope.forecast.Panel;
import org.sendscope.forecast.PanelLoader;
import org.sendscope.warehouse.Warehouse;

/** The checks the EHC plan forecasting commands share, with messages a user can act on. */
final class EhcpPanels {
    private EhcpPanels() {
    }

    /** The EHC plan panel of the warehouse, read on a read-only connection closed straight after. */
    static Panel read(WarehouseOptions options) {
        try (Warehouse w = options.openReadOnly()) {
            return load(w);
        }
    }

    static Panel load(Warehouse w) {
        Panel p = PanelLoader.load(w);
        if (p.areas().isEmpty() || p.lastStockYear() == Integer.MIN_VALUE) {
            throw new UserException("no EHC plan series (ehc_plans) in the warehouse: run "
                    + "'sendscope load dfe-ehcp <release.zip>' first");
        }
        return p;
    }

    static void checkOrigin(EhcpForecasting f, int origin, String option) {
        int first = f.firstOrigin();
        int last = f.panel().lastStockYear();
        if (origin < first || origin > last) {
            throw new UserException(option + " " + origin + " is outside " + first + "-" + last
                    + " (the warehouse has Januaries " + f.panel().firstStockYear() + "-" + last
                    + "; a model needs three before its origin)");
        }
    }

    static void checkHorizon(int horizon) {
        if (horizon < 1 || horizon > 15) throw new UserException("--horizon must be 1 to 15 years, not " + horizon);
    }

    static void checkModels(EhcpForecasting f, List<String> models) {
        for (String m : models) {
            if (!f.modelNames().contains(m)) {
                throw new UserException("unknown model '" + m + "'; models: " + String.join(", ", f.modelNames()));
            }
        }
    }
}
