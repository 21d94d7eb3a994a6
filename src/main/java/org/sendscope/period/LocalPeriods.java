package org.sendscope.period;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period labels of local scorecards and committee papers: months ({@code Dec-23},
 * {@code Oct 24}, {@code Sept 22}, {@code March '23}, {@code Dec 2022}), school terms
 * ({@code Spring 23}), half terms ({@code HT3 23/24}), quarters of a financial year
 * ({@code Q1 24/25}: April to June 2024), academic years ({@code AY 21/22},
 * {@code Academic Yr 22/23}, {@code 2022/23}), financial years ({@code FY 23/24}) and calendar
 * years ({@code 2022}). Text extracted from PDF often has Cyrillic letters that look like Latin
 * ones ({@code Мау-24}); they are read as the Latin letters they imitate.
 *
 * <p>Terms and half terms have no fixed national dates; they are stored with the approximate
 * boundaries below (docs/decisions/0020-local-kpi-catalogue.md): autumn 1 Sep–31 Dec, spring
 * 1 Jan–31 Mar, summer 1 Apr–31 Aug; HT1 Sep–Oct, HT2 Nov–Dec, HT3 Jan–Feb, HT4 Mar–Apr, HT5 May,
 * HT6 Jun–Aug. The label is kept verbatim beside them.
 */
public final class LocalPeriods {
    private static final Map<String, Month> MONTHS = Map.ofEntries(
            Map.entry("jan", Month.JANUARY), Map.entry("january", Month.JANUARY),
            Map.entry("feb", Month.FEBRUARY), Map.entry("february", Month.FEBRUARY),
            Map.entry("mar", Month.MARCH), Map.entry("march", Month.MARCH),
            Map.entry("apr", Month.APRIL), Map.entry("april", Month.APRIL),
            Map.entry("may", Month.MAY),
            Map.entry("jun", Month.JUNE), Map.entry("june", Month.JUNE),
            Map.entry("jul", Month.JULY), Map.entry("july", Month.JULY),
            Map.entry("aug", Month.AUGUST), Map.entry("august", Month.AUGUST),
            Map.entry("sep", Month.SEPTEMBER), Map.entry("sept", Month.SEPTEMBER),
            Map.entry("september", Month.SEPTEMBER),
            Map.entry("oct", Month.OCTOBER), Map.entry("october", Month.OCTOBER),
            Map.entry("nov", Month.NOVEMBER), Map.entry("november", Month.NOVEMBER),
            Map.entry("dec", Month.DECEMBER), Map.entry("december", Month.DECEMBER));

    private static final Pattern MONTH = Pattern.compile("([a-z]{3,9})\\.?\\s*[-/ ]?\\s*'?\\s*(\\d{2}|\\d{4})");
    private static final Pattern TERM = Pattern.compile("(spring|summer|autumn)(?:\\s+term)?\\s*'?(\\d{2}|\\d{4})");
    private static final Pattern HALF_TERM = Pattern.compile("ht\\s*([1-6])\\s+(\\d{2}|\\d{4})\\s*[/-]\\s*(\\d{2}|\\d{4})");
    private static final Pattern ACADEMIC = Pattern.compile(
            "(?:ay|academic\\s+(?:year|yr)\\.?)\\s*\\(?\\s*(\\d{2}|\\d{4})\\s*[/-]\\s*(\\d{2}|\\d{4})\\s*\\)?");
    private static final Pattern FINANCIAL = Pattern.compile(
            "(?:fy|financial\\s+(?:year|yr)\\.?)\\s*\\(?\\s*(\\d{2}|\\d{4})\\s*[/-]\\s*(\\d{2}|\\d{4})\\s*\\)?");
    /** A quarter of a financial year: {@code Q1 24/25}, {@code Q3 2023-24}, {@code 2024/25 Q2}. */
    private static final Pattern QUARTER = Pattern.compile(
            "q([1-4])\\s*(?:fy\\s*)?(\\d{2}|\\d{4})\\s*[/-]\\s*(\\d{2}|\\d{4})");
    private static final Pattern QUARTER_AFTER = Pattern.compile(
            "(?:fy\\s*)?(\\d{2}|\\d{4})\\s*[/-]\\s*(\\d{2}|\\d{4})\\s*q([1-4])");
    private static final Pattern SPLIT_YEAR = Pattern.compile("(\\d{4})\\s*[/-]\\s*(\\d{2}|\\d{4})");
    private static final Pattern YEAR = Pattern.compile("(?:19|20)\\d{2}");

    private LocalPeriods() {
    }

    /**
     * Reads a whole label as a period.
     *
     * @return the period with {@code label} kept verbatim, or empty if the label is not a period
     */
    public static Optional<Period> parse(String label) {
        if (label == null) return Optional.empty();
        String t = normalise(label);
        if (t.startsWith("(") && t.endsWith(")")) t = t.substring(1, t.length() - 1).trim();
        if (t.isEmpty()) return Optional.empty();
        Period p = read(t, label.trim());
        return Optional.ofNullable(p);
    }

    /** Like {@link #parse(String)}, but a label that is not a period is an error. */
    public static Period require(String label) {
        return parse(label).orElseThrow(() -> new IllegalArgumentException("not a period: '" + label + "'"));
    }

    /**
     * Finds the period a longer text ends with or names in brackets, as column headers do:
     * {@code Current Month Performance - Mar 24}, {@code National (2022/23)},
     * {@code Annual benchmark Academic Yr 22/23}, {@code National AY 21/22}.
     * The period's label is the part of the text that named it.
     */
    public static Optional<Period> find(String text) {
        if (text == null) return Optional.empty();
        Optional<Period> whole = parse(text);
        if (whole.isPresent()) return whole;
        String t = normaliseSpacing(text);
        Matcher br = Pattern.compile("\\(([^()]*)\\)").matcher(t);
        while (br.find()) {
            Optional<Period> p = parse(br.group(1));
            if (p.isPresent()) return p;
        }
        String[] words = t.replace("(", " ").replace(")", " ").trim().split("\\s+");
        for (int n = Math.min(4, words.length - 1); n >= 1; n--) {
            String tail = String.join(" ", java.util.Arrays.copyOfRange(words, words.length - n, words.length));
            Optional<Period> p = parse(tail);
            if (p.isPresent()) return p;
        }
        for (int n = Math.min(4, words.length - 1); n >= 1; n--) {
            String head = String.join(" ", java.util.Arrays.copyOfRange(words, 0, n));
            Optional<Period> p = parse(head);
            if (p.isPresent()) return p;
        }
        return Optional.empty();
    }

    /**
     * Lower case, Cyrillic look-alikes replaced by the Latin letters they imitate, typographic
     * quotes and dashes made plain, spaces collapsed.
     */
    public static String normalise(String s) {
        return normaliseSpacing(latin(s)).toLowerCase(Locale.ROOT);
    }

    /** Replaces Cyrillic letters that PDF text uses for Latin ones ({@code Мау} for {@code May}). */
    public static String latin(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(switch (c) {
                case 'А' -> 'A'; case 'В' -> 'B'; case 'С' -> 'C'; case 'Е' -> 'E'; case 'Н' -> 'H';
                case 'К' -> 'K'; case 'М' -> 'M'; case 'О' -> 'O'; case 'Р' -> 'P'; case 'Т' -> 'T';
                case 'Х' -> 'X'; case 'У' -> 'Y'; case 'І' -> 'I';
                case 'а' -> 'a'; case 'в' -> 'b'; case 'е' -> 'e'; case 'к' -> 'k'; case 'м' -> 'm';
                case 'н' -> 'h'; case 'о' -> 'o'; case 'р' -> 'p'; case 'с' -> 'c'; case 'т' -> 't';
                case 'у' -> 'y'; case 'х' -> 'x'; case 'і' -> 'i';
                case '\u2018', '\u2019', '\u00b4', '`' -> '\'';
                case '\u2013', '\u2014', '\u2212' -> '-';
                case '\u00a0' -> ' ';
                default -> c;
            });
        }
        return b.toString();
    }

    private static String normaliseSpacing(String s) {
        return s.replace('\u00a0', ' ').trim().replaceAll("\\s+", " ");
    }

    private static Period read(String t, String label) {
        Matcher m;
        if ((m = HALF_TERM.matcher(t)).matches()) {
            int start = year(m.group(2));
            if (!consecutive(start, m.group(3))) return null;
            return halfTerm(Integer.parseInt(m.group(1)), start, label);
        }
        if ((m = TERM.matcher(t)).matches()) return term(m.group(1), year(m.group(2)), label);
        if ((m = QUARTER.matcher(t)).matches()) {
            int start = year(m.group(2));
            return consecutive(start, m.group(3)) ? financialQuarter(Integer.parseInt(m.group(1)), start, label) : null;
        }
        if ((m = QUARTER_AFTER.matcher(t)).matches()) {
            int start = year(m.group(1));
            return consecutive(start, m.group(2)) ? financialQuarter(Integer.parseInt(m.group(3)), start, label) : null;
        }
        if ((m = ACADEMIC.matcher(t)).matches()) {
            int start = year(m.group(1));
            return consecutive(start, m.group(2)) ? Period.academicYear(start, label) : null;
        }
        if ((m = FINANCIAL.matcher(t)).matches()) {
            int start = year(m.group(1));
            return consecutive(start, m.group(2)) ? Period.financialYear(start, label) : null;
        }
        if ((m = SPLIT_YEAR.matcher(t)).matches()) {
            // '2022/23' on its own: scorecards mean the academic year (the school year they report on).
            int start = year(m.group(1));
            return consecutive(start, m.group(2)) ? Period.academicYear(start, label) : null;
        }
        if (YEAR.matcher(t).matches()) return Period.calendarYear(Integer.parseInt(t), label);
        if ((m = MONTH.matcher(t)).matches()) {
            Month month = MONTHS.get(m.group(1));
            if (month == null) return null;
            return Period.month(YearMonth.of(year(m.group(2)), month), label);
        }
        return null;
    }

    private static int year(String digits) {
        int y = Integer.parseInt(digits);
        return digits.length() == 2 ? 2000 + y : y;
    }

    private static boolean consecutive(int start, String end) {
        int e = Integer.parseInt(end);
        return end.length() == 2 ? (start + 1) % 100 == e : start + 1 == e;
    }

    private static Period term(String name, int year, String label) {
        return switch (name) {
            case "autumn" -> new Period(PeriodKind.TERM, label, LocalDate.of(year, 9, 1), LocalDate.of(year, 12, 31));
            case "spring" -> new Period(PeriodKind.TERM, label, LocalDate.of(year, 1, 1), LocalDate.of(year, 3, 31));
            default -> new Period(PeriodKind.TERM, label, LocalDate.of(year, 4, 1), LocalDate.of(year, 8, 31));
        };
    }

    /** Councils count quarters in their financial year: Q1 is April to June, Q4 January to March. */
    private static Period financialQuarter(int n, int startYear, String label) {
        YearMonth from = YearMonth.of(startYear, 4).plusMonths(3L * (n - 1));
        return new Period(PeriodKind.QUARTER, label, from.atDay(1), from.plusMonths(2).atEndOfMonth());
    }

    private static Period halfTerm(int n, int startYear, String label) {
        int y = n <= 2 ? startYear : startYear + 1;
        YearMonth from = switch (n) {
            case 1 -> YearMonth.of(y, 9);
            case 2 -> YearMonth.of(y, 11);
            case 3 -> YearMonth.of(y, 1);
            case 4 -> YearMonth.of(y, 3);
            case 5 -> YearMonth.of(y, 5);
            default -> YearMonth.of(y, 6);
        };
        YearMonth to = switch (n) {
            case 1 -> YearMonth.of(y, 10);
            case 2 -> YearMonth.of(y, 12);
            case 3 -> YearMonth.of(y, 2);
            case 4 -> YearMonth.of(y, 4);
            case 5 -> YearMonth.of(y, 5);
            default -> YearMonth.of(y, 8);
        };
        return new Period(PeriodKind.HALF_TERM, label, from.atDay(1), to.atEndOfMonth());
    }
}
