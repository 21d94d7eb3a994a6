package org.sendscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.sendscope.finance.FinancialYear;
import org.sendscope.finance.GoalSeek;
import org.sendscope.finance.Scenario;
import org.sendscope.finance.ScenarioFileException;
import org.sendscope.finance.ScenarioInputs;
import org.sendscope.report.ResultPrinter;
import org.sendscope.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sendscope scenario goal-seek FILE.yaml --lever NAME --balance-by YEAR}: the smallest
 * setting of a lever, on top of the scenario from the year after its base year, that reaches
 * in-year balance by YEAR, or "not reachable" within the lever's range.
 */
@Command(name = "goal-seek", mixinStandardHelpOptions = true,
        description = "The smallest change in one lever that reaches in-year balance by a year, or 'not reachable'.")
public final class ScenarioGoalSeekCommand extends ScenarioSubcommand {
    @Mixin
    FormatOption format;

    @Parameters(paramLabel = "FILE.yaml", description = "The scenario file.")
    Path file;

    @Option(names = "--lever", paramLabel = "NAME", required = true,
            description = "mainstream_shift, local_places, new_plans_reduction, cease_rate or transfer.")
    String lever;

    @Option(names = "--balance-by", paramLabel = "YEAR", required = true, description = "Financial year, e.g. 2028-29.")
    String balanceBy;

    @Option(names = "--max", paramLabel = "X", description = "Largest setting to search (default: the lever's range).")
    Double max;

    @Override
    public Integer call() {
        GoalSeek.Lever l = GoalSeek.Lever.byCode(lever);
        if (l == null) {
            throw new UserException("unknown lever '" + lever + "'; levers: "
                    + String.join(", ", Arrays.stream(GoalSeek.Lever.values()).map(GoalSeek.Lever::code).toList()));
        }
        FinancialYear by = FinancialYear.parse(balanceBy);
        if (by == null) throw new UserException("--balance-by expects a financial year such as 2028-29, not '" + balanceBy + "'");
        Scenario s = Scenarios.read(file);
        GoalSeek.Answer a;
        try (Warehouse w = options.openForWriting()) {
            ScenarioInputs in = Scenarios.inputs(w, s, true);
            a = GoalSeek.seek(in, l, by, max == null ? Double.NaN : max);
        } catch (ScenarioFileException e) {
            throw new UserException(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        Object value = a.reachable() ? (Object) (Math.round(a.value() * 10000) / 10000.0) : "not reachable within the lever's range";
        ResultPrinter.printRows(List.of("scenario", "lever", "meaning", "from", "balance_by", "value", "searched_up_to",
                "first_in_year_balance", "note"), List.<Object[]>of(new Object[] {s.name(), l.code(), l.meaning(),
                a.from().toString(), by.toString(), value, a.max(), a.reached() == null ? null : a.reached().toString(), a.note()}),
                format.format, out);
        return 0;
    }
}
