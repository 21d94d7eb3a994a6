package org.sendscope.ees;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A data set of the EES API ({@code DataSetViewModel}): its id, title, status and latest version.
 *
 * @param supersedingDataSetId the data set that replaces a deprecated one, or null
 * @param latestVersion        the latest published version, or null when none is published
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DataSet(String id, String title, String summary, String status, String supersedingDataSetId,
        LatestVersion latestVersion) {

    /** {@code DataSetLatestVersionViewModel}: the latest version's number and coverage. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LatestVersion(String version, String published, long totalResults, TimePeriodRange timePeriods,
            List<String> geographicLevels, List<String> filters, List<String> indicators) {
    }

    /** {@code TimePeriodRangeViewModel}: the first and last period covered, as labels. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TimePeriodRange(String start, String end) {
        @Override
        public String toString() {
            return start == null || start.equals(end) ? String.valueOf(end) : start + " to " + end;
        }
    }
}
