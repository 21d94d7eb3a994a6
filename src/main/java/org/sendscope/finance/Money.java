package org.sendscope.finance;

/** Money as a finance officer writes it in a report: {@code -£91.0m}, {@code £2.8m}, {@code £49k}. */
public final class Money {
    private Money() {
    }

    /** In millions to one decimal place: {@code -£91.0m}. */
    public static String m(double gbp) {
        if (Double.isNaN(gbp)) return "n/a";
        return (gbp < 0 ? "-" : "") + String.format("£%.1fm", Math.abs(gbp) / 1e6);
    }
}
