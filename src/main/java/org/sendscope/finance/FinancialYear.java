package org.sendscope.finance;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local-government financial year, 1 April to 31 March, written {@code 2024-25}. Its EHC plans are
 * those of the January census that falls inside it (January 2025 for 2024-25).
 *
 * @param startYear the calendar year the financial year starts in (2024 for 2024-25)
 */
public record FinancialYear(int startYear) implements Comparable<FinancialYear> {
    private static final Pattern LABEL = Pattern.compile("(\\d{4})\\s*[-/]\\s*(\\d{2})");

    /** {@code 2024-25}, {@code 2024/25}; null when the text is not a financial year. */
    public static FinancialYear parse(String text) {
        if (text == null) return null;
        Matcher m = LABEL.matcher(text.trim());
        if (!m.matches()) return null;
        int start = Integer.parseInt(m.group(1));
        return (start + 1) % 100 == Integer.parseInt(m.group(2)) ? new FinancialYear(start) : null;
    }

    /** The January census inside this year. */
    public int january() {
        return startYear + 1;
    }

    public FinancialYear plus(int years) {
        return new FinancialYear(startYear + years);
    }

    /** 31 March at the end of the year, as {@code 31 March 2025}. */
    public String yearEnd() {
        return "31 March " + (startYear + 1);
    }

    @Override
    public int compareTo(FinancialYear o) {
        return Integer.compare(startYear, o.startYear);
    }

    @Override
    public String toString() {
        return startYear + "-" + String.format("%02d", (startYear + 1) % 100);
    }
}
