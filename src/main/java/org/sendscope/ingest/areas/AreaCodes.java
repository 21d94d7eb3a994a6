package org.sendscope.ingest.areas;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sendscope.ingest.LoadException;

/**
 * GSS codes for local authorities known by their three-digit DfE number or by name, taken from the
 * warehouse: the areas the SEN2 loader wrote (each with the last year its release reported it, so
 * the latest code wins for an LA that was re-coded), what later loads added for numbers SEN2 does
 * not name, and above both the hand-written {@code area_succession} (docs/decisions/0003). The
 * SEN2 zips are read once, by their own loader; a file that names LAs by number or name is refused
 * until a SEN2 release is loaded. See docs/decisions/0011 and 0160.
 */
public final class AreaCodes {
    /** The source whose loads give LA numbers their codes (the SEN2 loader's name in load_log). */
    static final String SEN2 = "dfe-ehcp";
    /** The command that fills the map, for the refusal's message. */
    public static final String LOAD_FIRST = "sendscope load dfe-ehcp education-health-and-care-plans_*.zip";

    private final Map<Integer, LocalAuthority> byNumber = new HashMap<>();
    private final Map<String, LocalAuthority> byName = new HashMap<>();
    private final boolean sen2Loaded;

    private AreaCodes(boolean sen2Loaded) {
        this.sen2Loaded = sen2Loaded;
    }

    /**
     * The codes the warehouse knows. Without a SEN2 release loaded these are only the hand-written
     * successions: enough for a file of England and regions, and {@link #refuseUnknown} says what
     * to load first when a file names LAs.
     */
    public static AreaCodes of(Connection c) throws SQLException {
        AreaCodes codes = new AreaCodes(sen2Loaded(c));
        codes.read(c);
        return codes;
    }

    private static boolean sen2Loaded(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT count(*) FROM load_log WHERE source = '" + SEN2 + "' AND status = 'loaded'")) {
            return rs.next() && rs.getLong(1) > 0;
        }
    }

    private void read(Connection c) throws SQLException {
        // Every name an area was given (releases may spell an LA differently), ordered so that the
        // code reported latest is added last and wins. Some SEN2 files still give a re-coded LA's old
        // code in recent years (Buckinghamshire's E10000002 up to January 2023 beside E06000060 from
        // 2020), so of two codes last reported in the same year the one first reported later wins.
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                WITH seen AS (
                    SELECT area_code, year(max(period_end)) AS last_year, min(period_end) AS first_seen
                    FROM observation_fact WHERE source = '%s' GROUP BY area_code)
                SELECT f.la_number, f.area_code, f.name, any_value(f.region_code ORDER BY f.load_id DESC),
                       any_value(f.region_name ORDER BY f.load_id DESC), coalesce(max(s.last_year), 0) AS last_year,
                       max(s.first_seen) AS first_seen, max(f.load_id) AS load_id
                FROM area_fact f LEFT JOIN seen s USING (area_code)
                WHERE f.la_number IS NOT NULL AND f.level = 'local_authority'
                GROUP BY f.la_number, f.area_code, f.name
                ORDER BY last_year, first_seen NULLS FIRST, load_id, f.area_code""".formatted(SEN2))) {
            while (rs.next()) {
                add(new LocalAuthority(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6)));
            }
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT la_number, area_code, name FROM area_succession WHERE la_number IS NOT NULL ORDER BY area_code")) {
            while (rs.next()) {
                LocalAuthority known = byNumber.get(rs.getInt(1));
                String name = known != null && known.code().equals(rs.getString(2)) ? known.name() : rs.getString(3);
                LocalAuthority la = new LocalAuthority(rs.getInt(1), rs.getString(2), name,
                        known != null ? known.regionCode() : null, known != null ? known.regionName() : null, 9999);
                byNumber.put(la.number(), la);
            }
        }
    }

    private void add(LocalAuthority la) {
        LocalAuthority old = byNumber.get(la.number());
        if (old == null || la.lastYear() >= old.lastYear()) byNumber.put(la.number(), la);
        String k = nameKey(la.name());
        LocalAuthority o = byName.get(k);
        if (o == null || la.lastYear() >= o.lastYear()) byName.put(k, la);
    }

    /** The LA with this DfE number, if the warehouse knows it. */
    public Optional<LocalAuthority> byNumber(int laNumber) {
        return Optional.ofNullable(byNumber.get(laNumber));
    }

    /**
     * The LA of this name in the latest year a release named it (so {@code Dorset} is the unitary
     * authority 838 of 2019 on, not the county 835 it replaced).
     */
    public Optional<LocalAuthority> byName(String name) {
        return Optional.ofNullable(byName.get(nameKey(name)));
    }

    /** How many LA numbers are known. */
    public int size() {
        return byNumber.size();
    }

    /**
     * Refuses a file that names LAs the warehouse does not know: before any SEN2 release is loaded,
     * saying which load to run first; else listing all of them. Does nothing when there are none.
     */
    public void refuseUnknown(String fileName, String column, Collection<String> unknown) {
        if (unknown.isEmpty()) return;
        if (!sen2Loaded) {
            throw new LoadException(fileName, "names LAs by DfE number or name (" + unknown.size() + ", such as "
                    + unknown.iterator().next() + "), and with no SEN2 release loaded the warehouse has no GSS codes "
                    + "for them: run `" + LOAD_FIRST + "` first");
        }
        throw new LoadException(fileName, null, column, String.join(", ", unknown),
                "no GSS code known for these LAs in the warehouse's areas (from the SEN2 releases loaded and "
                        + "area_succession); load the SEN2 release that names them first (" + LOAD_FIRST + ")");
    }

    /** Names compared without case, punctuation or the word 'and'/'&' differences. */
    static String nameKey(String name) {
        return name.toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("[^a-z0-9]+", " ").trim();
    }
}
