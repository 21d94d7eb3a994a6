package org.sendscope.ingest.kpi;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.sendscope.ingest.LoadException;
import org.sendscope.ingest.LoadResult;
import org.sendscope.ingest.LoadRun;
import org.sendscope.ingest.Plausibility;
import org.sendscope.ingest.areas.KnownAreas;
import org.sendscope.ingest.SourceFile;
import org.sendscope.warehouse.Warehouse;

/**
 * Loads the scorecard tables of one file (a paper or a spreadsheet) for one LA in one transaction:
 * installs the KPI catalogue into {@code measure_fact} (in that same transaction, so a refused
 * file changes nothing), reads every table, writes values,
 * targets, new measures and refusals. Re-loading the same file for the same area replaces the
 * earlier load; an identical file changes nothing.
 */
public final class KpiLoader {
    private final Warehouse warehouse;
    private final KpiCatalogue catalogue;

    public KpiLoader(Warehouse warehouse, KpiCatalogue catalogue) {
        this.warehouse = warehouse;
        this.catalogue = catalogue;
    }

    /** Reads a file into the store (called inside the load's transaction); returns the names of its tables. */
    @FunctionalInterface
    public interface Reading {
        List<String> read(SourceFile file, KpiCatalogue catalogue, KpiLoadContext context, KpiStore store);
    }

    /** A reading that finds tables and reads each with {@link KpiTableReader}. */
    public static Reading ofTables(Function<SourceFile, List<KpiTable>> tables) {
        return (file, catalogue, context, store) -> {
            List<String> names = new ArrayList<>();
            KpiTableReader reader = new KpiTableReader(catalogue, context, store);
            for (KpiTable t : tables.apply(file)) {
                reader.read(t);
                names.add(t.name());
            }
            return names;
        };
    }

    /**
     * @param loader   the loader's name in load_log: {@code paper} or {@code kpis}
     * @param reading  reads the file (called inside the transaction; may throw LoadException)
     */
    public KpiLoadReport load(String loader, SourceFile file, String areaCode, String vintage, Reading reading) {
        return load(loader, file, areaCode, null, vintage, reading);
    }

    /**
     * As {@link #load(String, SourceFile, String, String, Reading)}, naming the area where the
     * warehouse does not know it (the demo's fictional LA).
     */
    public KpiLoadReport load(String loader, SourceFile file, String areaCode, String areaName, String vintage,
                              Reading reading) {
        return load(loader, file, areaCode, areaName, vintage, false, reading);
    }

    /**
     * As {@link #load(String, SourceFile, String, String, String, Reading)}, allowed (when
     * {@code replace}) to supersede the earlier load of the same file and area though it loses data.
     */
    public KpiLoadReport load(String loader, SourceFile file, String areaCode, String areaName, String vintage,
                              boolean replace, Reading reading) {
        String base = file.path().getFileName().toString();
        String source = loader + ":" + base.replaceFirst("\\.[^.]+$", "");
        String scope = loader + "|" + areaCode + "|" + base;
        KpiStore store = new KpiStore();
        List<String> read = new ArrayList<>();
        LoadResult result = LoadRun.run(warehouse, loader, scope, file, vintage, replace, run -> {
            // inside the load's transaction: a refused file must not leave catalogue rows behind
            catalogue.install(run.connection());
            KpiLoadContext ctx = context(run, areaCode, source, vintage, file.name());
            if (areaName != null) {
                ctx = new KpiLoadContext(areaCode, areaName, ctx.regionCode(), source, vintage, file.name());
            }
            KnownAreas areas = KnownAreas.of(run.connection());
            String own = areaCode;
            store.checking(this::unitOf, Plausibility.latestPeriodStart(vintage), code -> {
                // the load's own area was checked by the command (the demo's fictional LA has no row)
                if (code.equals(own) || code.equals("SN:" + own)) return true;
                try {
                    return areas.isKnown(code);
                } catch (SQLException e) {
                    throw new LoadException(file.name(), "warehouse error: " + e.getMessage(), e);
                }
            });
            read.addAll(reading.read(file, catalogue, ctx, store));
            if (store.observations().isEmpty() && store.targets().isEmpty() && store.rejects().isEmpty()) {
                // tables without one figure (a header and no rows, every cell empty): a damaged file, not a report
                throw new LoadException(file.name(), "KPI table(s) found at " + String.join("; ", read.stream().limit(3)
                        .map(t -> t.replaceFirst(" \\(.*", "")).toList()) + (read.size() > 3 ? " and " + (read.size() - 3)
                        + " more" : "") + " but not one value, status or target in them: nothing to load");
            }
            long rows = store.write(run, source, vintage, file.name());
            run.message(read.size() + " KPI table(s); " + store.observations().size() + " values and statuses");
            return rows;
        });
        List<KpiLoadReport.TableCount> counts = new ArrayList<>();
        for (String t : read) {
            int[] c = store.perTable().getOrDefault(t, new int[4]);
            counts.add(new KpiLoadReport.TableCount(t, c[0], c[1], c[2], c[3]));
        }
        Map<String, Integer> reasons = store.rejectsByReason();
        return new KpiLoadReport(result, counts, result.unchanged() ? Map.of() : reasons);
    }

    /**
     * The unit of a KPI code: the catalogue's, the unit of the KPI a derived code comes from (a
     * {@code _rate} is a rate, an {@code _n} the count beside a percentage), or null.
     */
    private String unitOf(String code) {
        if (code.endsWith("_rate")) return "rate";
        if (code.endsWith("_n")) return "count";
        return catalogue.byCode(code).map(KpiMeasure::unit).orElse(null);
    }

    private static KpiLoadContext context(LoadRun run, String areaCode, String source, String vintage, String fileName)
            throws SQLException {
        String name = null;
        String region = null;
        try (PreparedStatement p = run.connection().prepareStatement("SELECT name, region_code FROM areas WHERE area_code = ?")) {
            p.setString(1, areaCode);
            try (ResultSet rs = p.executeQuery()) {
                if (rs.next()) {
                    name = rs.getString(1);
                    region = rs.getString(2);
                }
            }
        }
        return new KpiLoadContext(areaCode, name, region, source, vintage, fileName);
    }

    /** Checks a GSS area code as given on the command line. */
    public static boolean isAreaCode(String code) {
        return code != null && code.matches("[EWSN]\\d{8}");
    }
}
