package org.sendscope.ingest.areas;

/**
 * A local authority as a source names it: its three-digit DfE number, its GSS code and name, its
 * region, and the year the naming source last reported it (so the latest code wins when an LA was
 * re-coded, as Buckinghamshire was in 2020).
 */
public record LocalAuthority(int number, String code, String name, String regionCode, String regionName,
                             int lastYear) {
}
