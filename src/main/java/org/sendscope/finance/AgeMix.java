package org.sendscope.finance;

/**
 * EHC plans by placement category and age group when SEN2 gives the two only separately: the
 * table closest to independence whose rows are the category shares and whose columns are the age
 * shares, with further education holding only ages 16-25 (iterative proportional fitting).
 */
final class AgeMix {
    private AgeMix() {
    }

    /** Within each category, the share of each age group (rows sum to 1). */
    static double[][] fit(double[] categoryShares, double[] ageShares) {
        int nc = categoryShares.length;
        int na = ageShares.length;
        double[][] t = new double[nc][na];
        for (int c = 0; c < nc; c++) {
            for (AgeGroup a : AgeGroup.values()) {
                boolean allowed = c != PlacementCategory.POST_16.ordinal() || a.post16();
                t[c][a.ordinal()] = allowed ? categoryShares[c] * ageShares[a.ordinal()] : 0;
            }
        }
        for (int iter = 0; iter < 200; iter++) {
            for (int c = 0; c < nc; c++) {
                double s = 0;
                for (int a = 0; a < na; a++) s += t[c][a];
                if (s > 0) for (int a = 0; a < na; a++) t[c][a] *= categoryShares[c] / s;
            }
            for (int a = 0; a < na; a++) {
                double s = 0;
                for (int c = 0; c < nc; c++) s += t[c][a];
                if (s > 0) for (int c = 0; c < nc; c++) t[c][a] *= ageShares[a] / s;
            }
        }
        double[][] within = new double[nc][na];
        for (int c = 0; c < nc; c++) {
            double s = 0;
            for (int a = 0; a < na; a++) s += t[c][a];
            for (int a = 0; a < na; a++) within[c][a] = s > 0 ? t[c][a] / s : 1.0 / na;
        }
        return within;
    }
}
