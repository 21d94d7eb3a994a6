package org.sendscope.ingest.actions;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as plans write them: {@code 31/01/24}, {@code 30/4/24}, {@code 2024-03-31}, {@code Jul-18},
 * {@code May- 24}, {@code Dec 2023}, {@code Sept - Nov 18}, {@code 24-Apr}, or a cell with several of
 * them. A month means its first day as a start and its last day as a deadline. A day the month does
 * not have ({@code 31/04/24}) is read as the month's last day, with a warning; a month that does not
 * exist ({@code 01/00/24}) is refused.
 */
public final class PlanDates {
    private static final String MONTH = "(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?";
    private static final Pattern RANGE = Pattern.compile("\\b" + MONTH + "\\s*[-–]\\s*" + MONTH
            + "\\s*[-'’]?\\s*(\\d{4}|\\d{2})\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DMY = Pattern.compile("\\b(\\d{1,2})/(\\d{1,2})/(\\d{4}|\\d{2})\\b");
    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final Pattern MONTH_YEAR = Pattern.compile("\\b" + MONTH + "\\s*[-'’]?\\s*(\\d{4}|\\d{2})\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern YEAR_MONTH = Pattern.compile("\\b(\\d{2})-" + MONTH + "(?![a-z]*\\s*[-'’]?\\s*\\d)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NO_DATE_WORDS = Pattern.compile(
            "(?i)\\s*(tbc|tbd|tba|ongoing|on-going|n/?a|none|various|to be confirmed|-+)\\s*");

    private PlanDates() {
    }

    /**
     * What a date cell says.
     *
     * @param first the first day of the earliest date (a start)
     * @param last the last day of the latest date (a deadline)
     * @param dates how many dates the cell holds
     * @param warnings what was interpreted
     * @param error why nothing (or part) could be read, or null
     */
    public record Reading(LocalDate first, LocalDate last, int dates, List<String> warnings, String error) {
    }

    /** Reads a cell. Never throws: what cannot be read is in {@link Reading#error()}. */
    public static Reading read(String raw) {
        List<String> warnings = new ArrayList<>();
        if (raw == null || raw.isBlank()) return new Reading(null, null, 0, warnings, null);
        String text = raw.replace('\u00a0', ' ');
        List<LocalDate[]> found = new ArrayList<>();
        String error = null;
        StringBuilder rest = new StringBuilder(text);

        Matcher m = RANGE.matcher(text);
        while (m.find()) {
            int year = year(m.group(3));
            int from = month(m.group(1));
            int to = month(m.group(2));
            YearMonth a = YearMonth.of(from > to ? year - 1 : year, from);
            YearMonth b = YearMonth.of(year, to);
            found.add(new LocalDate[] {a.atDay(1), b.atEndOfMonth()});
            blank(rest, m);
        }
        m = DMY.matcher(rest.toString());
        while (m.find()) {
            int d = Integer.parseInt(m.group(1));
            int mo = Integer.parseInt(m.group(2));
            int y = year(m.group(3));
            if (mo < 1 || mo > 12 || d < 1) {
                error = "'" + m.group() + "' is not a date (no month " + mo + (d < 1 ? " or day " + d : "") + ")";
            } else {
                YearMonth ym = YearMonth.of(y, mo);
                LocalDate date;
                if (d > ym.lengthOfMonth()) {
                    date = ym.atEndOfMonth();
                    warnings.add("'" + m.group() + "' does not exist; read as " + date + ", the month's last day");
                } else {
                    date = ym.atDay(d);
                }
                found.add(new LocalDate[] {date, date});
            }
            blank(rest, m);
        }
        m = ISO.matcher(rest.toString());
        while (m.find()) {
            try {
                LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
                found.add(new LocalDate[] {date, date});
            } catch (java.time.DateTimeException e) {
                YearMonth ym = validMonth(m.group(1), m.group(2));
                if (ym == null) {
                    error = "'" + m.group() + "' is not a date";
                } else {
                    found.add(new LocalDate[] {ym.atEndOfMonth(), ym.atEndOfMonth()});
                    warnings.add("'" + m.group() + "' does not exist; read as " + ym.atEndOfMonth()
                            + ", the month's last day");
                }
            }
            blank(rest, m);
        }
        m = MONTH_YEAR.matcher(rest.toString());
        while (m.find()) {
            YearMonth ym = YearMonth.of(year(m.group(2)), month(m.group(1)));
            found.add(new LocalDate[] {ym.atDay(1), ym.atEndOfMonth()});
            blank(rest, m);
        }
        m = YEAR_MONTH.matcher(rest.toString());
        while (m.find()) {
            YearMonth ym = YearMonth.of(year(m.group(1)), month(m.group(2)));
            found.add(new LocalDate[] {ym.atDay(1), ym.atEndOfMonth()});
            warnings.add("'" + m.group() + "' read as " + ym.getMonth().getDisplayName(java.time.format.TextStyle.SHORT,
                    Locale.UK) + " " + ym.getYear() + " (year before month)");
            blank(rest, m);
        }
        if (found.isEmpty()) {
            if (error == null && !NO_DATE_WORDS.matcher(text).matches()) error = "no date in '" + text.strip() + "'";
            return new Reading(null, null, 0, warnings, error);
        }
        LocalDate first = found.stream().map(r -> r[0]).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = found.stream().map(r -> r[1]).max(LocalDate::compareTo).orElseThrow();
        String leftover = rest.toString().replaceAll("[\\s,;:()\\-–/&]+", " ").strip();
        if (found.size() == 1 && leftover.length() > 0 && leftover.matches(".*[A-Za-z]{3,}.*")) {
            warnings.add("date read from text '" + text.strip() + "'");
        }
        return new Reading(first, last, found.size(), warnings, error);
    }

    private static YearMonth validMonth(String y, String mo) {
        int month = Integer.parseInt(mo);
        return month >= 1 && month <= 12 ? YearMonth.of(Integer.parseInt(y), month) : null;
    }

    private static void blank(StringBuilder rest, Matcher m) {
        for (int i = m.start(); i < m.end(); i++) rest.setCharAt(i, ' ');
    }

    private static int year(String y) {
        int v = Integer.parseInt(y);
        return y.length() == 2 ? 2000 + v : v;
    }

    private static int month(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        String[] months = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
        for (int i = 0; i < 12; i++) if (n.startsWith(months[i])) return i + 1;
        throw new IllegalArgumentException(name);
    }
}
