package org.sendscope.ees;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * For each EES data set the warehouse holds, whether the API has a newer version and what each
 * newer version changed ({@code sendscope ees outdated}).
 */
public final class Outdated {
    private Outdated() {
    }

    /** A data set as loaded: its id, title and the version in force. */
    public record Held(String dataSetId, String title, String version) {
    }

    /**
     * What the API says about a held data set.
     *
     * @param latest  the latest published version (null when the API lists none)
     * @param status  the data set's status: Published, Deprecated, Withdrawn
     * @param changes the changes of every version after the one held, oldest first
     */
    public record Status(Held held, String latest, String latestType, String status, String supersededBy,
            List<VersionChanges> changes) {

        public boolean isOutdated() {
            return latest != null && VersionNumber.isNewer(latest, held.version());
        }

        /** The report's lines for this data set. */
        public List<String> lines() {
            List<String> l = new ArrayList<>();
            String who = held.dataSetId() + " " + (held.title() == null ? "" : held.title());
            String state = status == null || status.equals("Published") ? ""
                    : " (data set " + status + (supersededBy == null ? "" : ", superseded by " + supersededBy) + ")";
            if (!isOutdated()) {
                l.add(who + ": " + held.version() + ", up to date" + state);
                return l;
            }
            l.add(who + ": loaded " + held.version() + ", newer " + latest + (latestType == null ? "" : " (" + latestType.toLowerCase() + ")")
                    + state);
            for (VersionChanges c : changes) {
                List<String> s = c.summary();
                l.add("  " + c.versionNumber() + ": " + (s.isEmpty() ? "no changes listed" : s.size() + " changes")
                        + (c.notes() == null || c.notes().isBlank() ? "" : " — " + c.notes().strip()));
                s.forEach(x -> l.add("    " + x));
            }
            return l;
        }
    }

    /** Asks the API about each held data set. */
    public static List<Status> check(EesClient client, List<Held> held) {
        List<Status> out = new ArrayList<>();
        for (Held h : held) {
            DataSet d = client.dataSet(h.dataSetId());
            String latest = d.latestVersion() == null ? null : d.latestVersion().version();
            List<VersionChanges> changes = new ArrayList<>();
            String type = null;
            if (latest != null && VersionNumber.isNewer(latest, h.version())) {
                List<DataSetVersion> newer = client.versions(h.dataSetId()).stream()
                        .filter(v -> VersionNumber.isNewer(v.version(), h.version()))
                        .filter(v -> !"Withdrawn".equalsIgnoreCase(v.status()))
                        .sorted(Comparator.comparing(DataSetVersion::version, VersionNumber::compare)).toList();
                for (DataSetVersion v : newer) {
                    changes.add(client.changes(h.dataSetId(), v.version()));
                    if (v.version().equals(latest)) type = v.type();
                }
            }
            out.add(new Status(h, latest, type, d.status(), d.supersedingDataSetId(), changes));
        }
        return out;
    }
}
