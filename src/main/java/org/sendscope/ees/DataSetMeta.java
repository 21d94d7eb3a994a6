package org.sendscope.ees;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Optional;

/**
 * What a data set version holds ({@code DataSetMetaViewModel}): its filters with their options,
 * its indicators with unit and decimal places, its geographic levels and its time periods. The
 * loader reads a CSV's columns through it: a column is a filter, an indicator, or geography and
 * time.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DataSetMeta(List<Filter> filters, List<Indicator> indicators, List<GeographicLevel> geographicLevels,
        List<TimePeriod> timePeriods) {

    public DataSetMeta {
        filters = filters == null ? List.of() : List.copyOf(filters);
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
        geographicLevels = geographicLevels == null ? List.of() : List.copyOf(geographicLevels);
        timePeriods = timePeriods == null ? List.of() : List.copyOf(timePeriods);
    }

    /** The filter whose CSV column this is, if any. */
    public Optional<Filter> filter(String column) {
        return filters.stream().filter(f -> f.column().equals(column)).findFirst();
    }

    /** The indicator whose CSV column this is, if any. */
    public Optional<Indicator> indicator(String column) {
        return indicators.stream().filter(i -> i.column().equals(column)).findFirst();
    }

    /** A filter ({@code FilterOptionsViewModel}): a CSV column of characteristics such as sex or school type. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Filter(String id, String column, String label, String hint, List<FilterOption> options) {
        public Filter {
            options = options == null ? List.of() : List.copyOf(options);
        }
    }

    /**
     * One option of a filter ({@code FilterOptionViewModel}). {@code isAggregate} was in the
     * API's first schema and may be absent: then null.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FilterOption(String id, String label, Boolean isAggregate) {
    }

    /**
     * An indicator ({@code IndicatorViewModel}): a CSV column of values.
     *
     * @param unit          {@code ""} a number, {@code "%"}, {@code "£"}, {@code "£m"}, {@code "pp"}
     * @param decimalPlaces the recommended decimal places, or null
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Indicator(String id, String column, String label, String unit, Integer decimalPlaces) {
    }

    /** A geographic level ({@code GeographicLevelViewModel}): code {@code NAT}, label {@code National}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record GeographicLevel(String code, String label) {
    }

    /** A time period ({@code TimePeriodOptionViewModel}): code {@code CY}, period {@code 2023}, label. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TimePeriod(String code, String period, String label) {
    }
}
