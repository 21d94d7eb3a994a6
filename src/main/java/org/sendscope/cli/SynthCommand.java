package org.sendscope.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.sendscope.spark.JobException;
import org.sendscope.spark.SynthSen2;
import org.sendscope.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sendscope synth}: synthetic data shaped by the published figures, labelled synthetic. */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = "Generate synthetic data shaped by the published figures (labelled synthetic).",
        subcommands = {SynthCommand.Sen2.class})
public final class SynthCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * {@code sendscope synth sen2 --areas all --years 2015-2025 --out DIR}: person-level SEN2 —
     * children on plans each January, requests, assessments, new and ceased plans each calendar
     * year — that adds up exactly to the warehouse's published SEN2 figures, generated on Spark
     * (docs/decisions/0196–0198).
     */
    @Command(name = "sen2", mixinStandardHelpOptions = true,
            description = "Synthetic person-level SEN2 that adds up to the published SEN2 figures, as Parquet "
                    + "(OUT/sen2_records/, OUT/synth.json); count it back with: sendscope spark aggregate --input OUT.")
    public static final class Sen2 extends Subcommand {
        @Option(names = "--areas", paramLabel = "all|LA[,LA…]", split = ",", defaultValue = "all",
                description = "LAs by GSS code or DfE number, or all (default).")
        List<String> areas = new ArrayList<>();

        @Option(names = "--years", paramLabel = "FROM-TO", defaultValue = "all",
                description = "Years of the published periods (a January census, or the calendar year of a flow), "
                        + "e.g. 2015-2025; default all: every year the warehouse has.")
        String years;

        @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder to write (replaced).")
        String out;

        @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "The run's seed (default 1).")
        long seed;

        @Option(names = "--scale", paramLabel = "F", defaultValue = "1",
                description = "Multiply every published count by F (1, the default: exactly the published figures).")
        double scale;

        @Option(names = "--partitions", paramLabel = "N", defaultValue = "16",
                description = "Spark tasks the LAs are spread over (the rows do not depend on it; default 16).")
        int partitions;

        @Option(names = "--master", paramLabel = "URL", description = "local[*] (default), local[N] or spark://HOST:PORT.")
        String master;

        @Override
        public Integer call() {
            int[] range = years(years);
            if (!(scale > 0) || Double.isInfinite(scale)) throw new UserException("--scale must be a number above 0, not " + scale);
            if (partitions < 1) throw new UserException("--partitions must be 1 or more, not " + partitions);
            PrintWriter say = out();
            try (Warehouse w = options.openReadOnly()) {
                Set<String> codes = new LinkedHashSet<>();
                boolean all = areas.stream().anyMatch(a -> a.strip().equalsIgnoreCase("all"));
                if (!all) {
                    for (String a : areas) {
                        codes.add(new AreaArgument.Converter().convert(a).gssCode(w));
                    }
                }
                SynthSen2.run(w, options.file().toString(), codes,
                        new SynthSen2.Settings(seed, scale, range[0], range[1], partitions), master, out, say);
            } catch (JobException e) {
                throw new UserException(e.getMessage());
            } catch (picocli.CommandLine.TypeConversionException e) {
                throw new UserException("--areas " + e.getMessage());
            }
            return 0;
        }

        /** The years {@code all} stands for: wider than any SEN2 release. */
        static final int ALL_FROM = 1900;
        static final int ALL_TO = 2999;

        /** {@code 2015-2025}, {@code 2019} or {@code all}. */
        static int[] years(String text) {
            String t = text.strip();
            if (t.equalsIgnoreCase("all")) return new int[] {ALL_FROM, ALL_TO};
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{4})(?:\\s*-\\s*(\\d{4}))?").matcher(t);
            if (!m.matches()) throw new UserException("--years must be a year or FROM-TO such as 2015-2025, not '" + text + "'");
            int from = Integer.parseInt(m.group(1));
            int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
            if (to < from) throw new UserException("--years " + text + ": the first year is after the last");
            return new int[] {from, to};
        }
    }
}
