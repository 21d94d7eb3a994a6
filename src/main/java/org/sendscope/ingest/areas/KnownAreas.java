package org.sendscope.ingest.areas;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which area codes a load may use (docs/decisions/0087-known-areas.md). A code is known when it is
 * in {@code areas} (what loads have named, plus the LA successions), or is the statistical
 * neighbours of a known LA ({@code SN:E06000058}). Until a DfE release has named any area, an
 * English GSS code of the right kind is taken on its pattern: England {@code E92000001}, a region
 * {@code E12……}, a local authority {@code E06}, {@code E07}, {@code E08}, {@code E09} or {@code E10}
 * and six digits. Files that define areas (SEN2) are held to the pattern.
 */
public final class KnownAreas {
    /** The English GSS patterns, as regular expressions Java and DuckDB read alike. */
    public static final String ENGLAND = "E92000001";
    public static final String REGION = "E12[0-9]{6}";
    public static final String LOCAL_AUTHORITY = "E0[6-9][0-9]{6}|E10[0-9]{6}";
    /** The rule in words, for messages. */
    public static final String PATTERN_RULE = "not an English GSS code for its level (England E92000001, a region "
            + "E12 and six digits, a local authority E06, E07, E08, E09 or E10 and six digits)";
    private static final Pattern ANY_ENGLISH = Pattern.compile(ENGLAND + "|" + REGION + "|" + LOCAL_AUTHORITY);
    private static final Pattern LA = Pattern.compile(LOCAL_AUTHORITY);

    private final Connection c;
    private final boolean anyNamed;

    private KnownAreas(Connection c, boolean anyNamed) {
        this.c = c;
        this.anyNamed = anyNamed;
    }

    /** The areas of this warehouse. */
    public static KnownAreas of(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM area_fact")) {
            rs.next();
            return new KnownAreas(c, rs.getLong(1) > 0);
        }
    }

    /** SQL that is true when {@code code} fits the pattern of its {@code level} column's value. */
    public static String sqlPattern(String level, String code) {
        return "(CASE " + level + " WHEN 'england' THEN " + code + " = '" + ENGLAND + "' WHEN 'region' THEN "
                + "regexp_full_match(" + code + ", '" + REGION + "') ELSE regexp_full_match(" + code + ", '"
                + LOCAL_AUTHORITY + "') END)";
    }

    /** True when the code fits an English GSS pattern (any level). */
    public static boolean looksEnglish(String code) {
        return code != null && ANY_ENGLISH.matcher(code).matches();
    }

    /** True when the code is known as above. */
    public boolean isKnown(String code) throws SQLException {
        if (code == null) return false;
        if (code.startsWith("SN:")) return isKnown(code.substring(3));
        if (!anyNamed && looksEnglish(code)) return true;
        try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM areas WHERE area_code = ?")) {
            p.setString(1, code);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * The GSS code of the local authority a user named by code or by DfE number ({@code 839}), or
     * why it is not known, in a sentence.
     */
    public Optional<String> localAuthority(String given, StringBuilder why) throws SQLException {
        String g = given == null ? "" : given.strip();
        if (g.matches("\\d{3}")) {
            try (PreparedStatement p = c.prepareStatement("SELECT area_code FROM areas WHERE la_number = ? "
                    + "AND level = 'local_authority' ORDER BY valid_to DESC NULLS FIRST LIMIT 1")) {
                p.setInt(1, Integer.parseInt(g));
                try (ResultSet rs = p.executeQuery()) {
                    if (rs.next()) return Optional.of(rs.getString(1));
                }
            }
            why.append("no local authority numbered ").append(g).append(" in areas")
                    .append(anyNamed ? "" : " (no DfE release is loaded yet: give the GSS code, e.g. E06000058)");
            return Optional.empty();
        }
        if (!g.matches("[A-Z]\\d{8}")) {
            why.append("'").append(g).append("' is neither a GSS code such as E06000058 nor a DfE LA number such as 839");
            return Optional.empty();
        }
        if (!LA.matcher(g).matches()) {
            why.append(g).append(" is not an English local authority's GSS code (E06, E07, E08, E09 or E10 and six digits)");
            return Optional.empty();
        }
        if (isKnown(g)) return Optional.of(g);
        why.append(g).append(" is not in areas (no load has named it): check the code, or load the SEN2 release that names it");
        return Optional.empty();
    }
}
