package org.sendscope.ingest.finance;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sendscope.period.Period;

/** DfE finance files' year labels: {@code 201920} and {@code 2019-20} are the financial year April 2019 – March 2020. */
final class FinancialYears {
    private static final Pattern YEAR = Pattern.compile("(\\d{4})(?:-|/)?(\\d{2})");

    private FinancialYears() {
    }

    /** The financial year, or null when the label is not one. */
    static Period parse(String label) {
        if (label == null) return null;
        Matcher m = YEAR.matcher(label.trim());
        if (!m.matches()) return null;
        int start = Integer.parseInt(m.group(1));
        if ((start + 1) % 100 != Integer.parseInt(m.group(2))) return null;
        return Period.financialYear(start, label.trim());
    }
}
