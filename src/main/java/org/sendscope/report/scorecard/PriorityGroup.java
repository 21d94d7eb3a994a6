package org.sendscope.report.scorecard;

import java.util.List;

/** The KPIs of one improvement priority, in the plan's order ("5. Pathway"). */
public record PriorityGroup(String name, String id, List<KpiRow> rows) {
}
