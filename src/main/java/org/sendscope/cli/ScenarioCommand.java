package org.sendscope.cli;

import picocli.CommandLine.Command;

/** {@code sendscope scenario <verb>}: High Needs Block and DSG deficit scenarios. */
@Command(name = "scenario", mixinStandardHelpOptions = true,
        description = "High Needs Block / DSG deficit scenarios: run, compare, goal-seek, export (DSG management plan layout).",
        subcommands = {ScenarioRunCommand.class, ScenarioCompareCommand.class, ScenarioGoalSeekCommand.class,
                ScenarioExportCommand.class})
public final class ScenarioCommand extends CommandGroup {
}
