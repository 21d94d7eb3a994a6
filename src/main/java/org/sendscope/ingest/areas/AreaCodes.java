package org.sendscope.ingest.areas;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * GSS codes for local authorities known by their three-digit DfE number or by name. Sources of the
 * pairs: SEN2 release files (the latest year's code per LA), then the warehouse's own
 * {@code area_fact} for numbers no file named (what earlier loads learned), and above both the
 * hand-written {@code area_succession} table (the predecessor and successor LAs of 2019–2023, docs/decisions/0003).
 * See docs/decisions/0011-la-number-to-gss.md.
 */
public final class AreaCodes {
    private final Map<Integer, LocalAuthority> byNumber = new HashMap<>();
    private final Map<String, LocalAuthority> byName = new HashMap<>();
    private final List<Path> sources = new ArrayList<>();

    private AreaCodes() {
    }

    /**
     * The codes the warehouse already knows plus those in the given SEN2 files.
     *
     * @param sen2Files SEN2 release zips or CSVs with {@code old_la_code} and {@code new_la_code}
     */
    public static AreaCodes from(Connection c, List<Path> sen2Files) throws SQLException {
        AreaCodes codes = new AreaCodes();
        for (Path f : sen2Files) {
            codes.sources.add(f);
            for (LocalAuthority la : Sen2AreaCodes.read(f)) codes.add(la);
        }
        codes.addFromWarehouse(c);
        return codes;
    }

    /**
     * The SEN2 release zips in the usual places: {@code ../ehc-plans/} beside the folder of the file
     * being loaded (as in the shared DfE folder), then {@code $SENDSCOPE_SHARED/data/dfe/ehc-plans}
     * and {@code ../shared/data/dfe/ehc-plans}.
     */
    public static List<Path> usualSen2Files(Path loadedFile) {
        Set<Path> dirs = new LinkedHashSet<>();
        Path parent = loadedFile.toAbsolutePath().getParent();
        if (parent != null && parent.getParent() != null) dirs.add(parent.getParent().resolve("ehc-plans"));
        String shared = System.getenv("SENDSCOPE_SHARED");
        if (shared != null && !shared.isBlank()) dirs.add(Path.of(shared, "data", "dfe", "ehc-plans"));
        dirs.add(Path.of("..", "shared", "data", "dfe", "ehc-plans").toAbsolutePath().normalize());
        List<Path> files = new ArrayList<>();
        for (Path d : dirs) {
            if (!Files.isDirectory(d)) continue;
            try (Stream<Path> s = Files.list(d)) {
                s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")).sorted()
                        .forEach(files::add);
            } catch (java.io.IOException e) {
                // An unreadable folder is simply not a usual place.
            }
            if (!files.isEmpty()) break;
        }
        return files;
    }

    private void add(LocalAuthority la) {
        LocalAuthority old = byNumber.get(la.number());
        if (old == null || la.lastYear() >= old.lastYear()) byNumber.put(la.number(), la);
        String k = nameKey(la.name());
        LocalAuthority o = byName.get(k);
        if (o == null || la.lastYear() >= o.lastYear()) byName.put(k, la);
    }

    private void addFromWarehouse(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT la_number, area_code, name, region_code, region_name FROM (
                    SELECT *, row_number() OVER (PARTITION BY la_number ORDER BY load_id DESC) AS rn
                    FROM area_fact WHERE la_number IS NOT NULL AND level = 'local_authority')
                WHERE rn = 1""")) {
            while (rs.next()) {
                // Earlier loads fill gaps only: a SEN2 file read now says which code is the latest.
                if (byNumber.containsKey(rs.getInt(1))) continue;
                add(new LocalAuthority(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), 0));
            }
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT la_number, area_code, name, valid_from, valid_to FROM area_succession WHERE la_number IS NOT NULL")) {
            while (rs.next()) {
                LocalAuthority known = byNumber.get(rs.getInt(1));
                String name = known != null && known.code().equals(rs.getString(2)) ? known.name() : rs.getString(3);
                LocalAuthority la = new LocalAuthority(rs.getInt(1), rs.getString(2), name,
                        known != null ? known.regionCode() : null, known != null ? known.regionName() : null, 9999);
                byNumber.put(la.number(), la);
            }
        }
    }

    /** The LA with this DfE number, if any source named it. */
    public Optional<LocalAuthority> byNumber(int laNumber) {
        return Optional.ofNullable(byNumber.get(laNumber));
    }

    /**
     * The LA of this name in the latest year a source named it (so {@code Dorset} is the unitary
     * authority 838 of 2019 on, not the county 835 it replaced).
     */
    public Optional<LocalAuthority> byName(String name) {
        return Optional.ofNullable(byName.get(nameKey(name)));
    }

    /** How many LA numbers are known. */
    public int size() {
        return byNumber.size();
    }

    /** Where the codes came from, for messages. */
    public String describeSources() {
        return (sources.isEmpty() ? "no SEN2 file" : "SEN2 files " + sources)
                + " plus the warehouse's areas and area_succession";
    }

    /** Names compared without case, punctuation or the word 'and'/'&' differences. */
    static String nameKey(String name) {
        return name.toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("[^a-z0-9]+", " ").trim();
    }
}
