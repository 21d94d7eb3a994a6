package org.sendscope.ees;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * One version of a data set ({@code DataSetVersionViewModel}): {@code 1.0}, {@code 1.1} (minor:
 * nothing a consumer relies on removed), {@code 2.0} (major), its status, when it was published,
 * the release it came with, how many rows it has and what it covers.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DataSetVersion(String version, String type, String status, String published, String withdrawn,
        String notes, long totalResults, Release release, DataSet.TimePeriodRange timePeriods,
        List<String> geographicLevels, List<String> filters, List<String> indicators) {

    /** {@code DataSetVersionReleaseViewModel}: the statistical release the version was published with. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Release(String title, String slug) {
    }
}
