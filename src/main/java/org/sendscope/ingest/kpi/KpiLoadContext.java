package org.sendscope.ingest.kpi;

/**
 * What every value of one load shares: the area the scorecard is about (and its name and
 * region, where the warehouse knows them), the source and vintage to record, and the file name
 * that rejects name.
 */
public record KpiLoadContext(String areaCode, String areaName, String regionCode, String source, String vintage,
                             String fileName) {

    /** The statistical-neighbours pseudo-area of this LA (docs/decisions/0021-statistical-neighbour-benchmarks.md). */
    public String neighboursCode() {
        return "SN:" + areaCode;
    }
}
