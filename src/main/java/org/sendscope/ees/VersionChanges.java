package org.sendscope.ees;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What a data set version changed from the version before it ({@code DataSetVersionChangesViewModel}):
 * major changes (something removed or re-identified: code that read the data set may break) and
 * minor ones (additions, relabellings), each by kind. {@link #summary()} says them in lines.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VersionChanges(String versionNumber, String notes, ChangeSet majorChanges, ChangeSet minorChanges) {

    /** One change: the state before ({@code previousState}, null for an addition) and after (null for a removal). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Change<T>(T currentState, T previousState) {
    }

    /** Changes to one filter's options. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FilterOptionChanges(DataSetMeta.Filter filter, List<Change<DataSetMeta.FilterOption>> options) {
    }

    /** Changes to the locations of one geographic level. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LocationOptionChanges(DataSetMeta.GeographicLevel level, List<Change<Location>> options) {
    }

    /** A geographic level's group of locations ({@code LocationGroupViewModel}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LocationGroup(DataSetMeta.GeographicLevel level) {
    }

    /** A location as a change names it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Location(String id, String label, String code) {
    }

    /** {@code ChangeSetViewModel}: the changes of one kind (major or minor), by what changed. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ChangeSet(List<Change<DataSetMeta.Filter>> filters, List<FilterOptionChanges> filterOptions,
            List<Change<DataSetMeta.GeographicLevel>> geographicLevels, List<Change<DataSetMeta.Indicator>> indicators,
            List<Change<LocationGroup>> locationGroups, List<LocationOptionChanges> locationOptions,
            List<Change<DataSetMeta.TimePeriod>> timePeriods) {

        /** Each change in words, one a line: {@code indicator removed: Plans issued within 20 weeks (plans_issued_within_20_weeks)}. */
        public List<String> lines() {
            List<String> l = new ArrayList<>();
            Function<DataSetMeta.Filter, String> filter = f -> f.label() + " (" + f.column() + ")";
            Function<DataSetMeta.Indicator, String> indicator = i -> i.label() + " (" + i.column() + ")";
            Function<DataSetMeta.GeographicLevel, String> level = g -> g.label() == null ? g.code() : g.label();
            Function<DataSetMeta.TimePeriod, String> period = t -> (t.label() == null ? t.period() : t.label())
                    + " (" + t.code() + ")";
            describe(l, "filter", filters, filter);
            for (FilterOptionChanges f : nonNull(filterOptions)) {
                describe(l, "option of filter " + (f.filter() == null ? "?" : f.filter().label()), f.options(),
                        DataSetMeta.FilterOption::label);
            }
            describe(l, "geographic level", geographicLevels, level);
            describe(l, "indicator", indicators, indicator);
            describe(l, "locations of level", locationGroups, g -> g.level() == null ? "?" : level.apply(g.level()));
            for (LocationOptionChanges o : nonNull(locationOptions)) {
                describe(l, (o.level() == null ? "" : level.apply(o.level()) + " ") + "location", o.options(),
                        x -> x.label() + (x.code() == null ? "" : " (" + x.code() + ")"));
            }
            describe(l, "time period", timePeriods, period);
            return l;
        }

        private static <T> void describe(List<String> out, String what, List<Change<T>> changes, Function<T, String> name) {
            for (Change<T> c : nonNull(changes)) {
                if (c.previousState() == null && c.currentState() != null) out.add(what + " added: " + name.apply(c.currentState()));
                else if (c.currentState() == null && c.previousState() != null) out.add(what + " removed: " + name.apply(c.previousState()));
                else if (c.currentState() != null) {
                    out.add(what + " changed: " + name.apply(c.previousState()) + " -> " + name.apply(c.currentState()));
                }
            }
        }

        private static <T> List<T> nonNull(List<T> l) {
            return l == null ? List.of() : l;
        }
    }

    /** Every change in words, major ones first, each line marked {@code major} or {@code minor}. */
    public List<String> summary() {
        List<String> l = new ArrayList<>();
        if (majorChanges != null) majorChanges.lines().forEach(s -> l.add("major: " + s));
        if (minorChanges != null) minorChanges.lines().forEach(s -> l.add("minor: " + s));
        return l;
    }
}
