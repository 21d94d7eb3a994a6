package org.sendscope.cli;

import java.io.PrintWriter;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.sendscope.analysis.ScrutinyAnswer;
import org.sendscope.analysis.ScrutinyQuestion;
import org.sendscope.report.ResultPrinter;
import org.sendscope.report.TableFormat;
import org.sendscope.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sendscope ask}: lists the named scrutiny questions of {@code sql/queries/};
 * {@code sendscope ask NAME --area CODE [--as-of DATE]} answers one in words and a small table, and
 * names the source file, vintage and load of every figure.
 */
@Command(name = "ask", mixinStandardHelpOptions = true,
        description = {"Answer a named scrutiny question from the warehouse (no NAME: list the questions).",
                "Every figure is shown with its source, vintage and load."})
public final class AskCommand extends TableCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "The question (see the list).")
    String name;

    @Option(names = "--area", paramLabel = "CODE", converter = AreaArgument.Converter.class,
            description = "The LA: GSS code (E06000058) or LA number (839).")
    AreaArgument area;

    @Option(names = "--as-of", paramLabel = "DATE", converter = DateConverter.class,
            description = "Figures up to this date, YYYY-MM-DD (default: today).")
    LocalDate asOf;

    @Override
    public Integer call() throws SQLException {
        PrintWriter out = out();
        if (name == null) {
            list(out);
            return 0;
        }
        ScrutinyQuestion q = ScrutinyQuestion.named(name);
        if (area == null) throw new UserException("give the LA: sendscope ask " + name + " --area E06000058");
        try (Warehouse w = options.openReadOnly()) {
            answer(w, q, area.given(), asOf == null ? null : asOf.toString(), format.format, out);
        }
        return 0;
    }

    /** Prints each question's name and its one-line question. */
    static void list(PrintWriter out) {
        List<ScrutinyQuestion> all = ScrutinyQuestion.all();
        int width = all.stream().mapToInt(q -> q.name().length()).max().orElse(0);
        for (ScrutinyQuestion q : all) {
            out.println(q.name() + " ".repeat(width - q.name().length()) + "  " + q.question());
        }
        out.println("(sendscope ask NAME --area CODE [--as-of YYYY-MM-DD])");
        out.flush();
    }

    /** Answers {@code q} for an area and prints it: the question, the answer in words, the table, the sources. */
    static void answer(Warehouse w, ScrutinyQuestion q, String areaArg, String asOfArg, TableFormat format,
                       PrintWriter out) throws SQLException {
        LocalDate asOf;
        try {
            asOf = asOfArg == null ? LocalDate.now() : LocalDate.parse(asOfArg);
        } catch (DateTimeParseException e) {
            throw new UserException("--as-of must be a date like 2023-12-31, not '" + asOfArg + "'");
        }
        String[] area = resolveArea(w, areaArg);
        ScrutinyAnswer a = ScrutinyAnswer.of(w, q, area[0], area[1], asOf);
        if (format != TableFormat.table) {
            table(w, a, format, out);
            return;
        }
        out.println(q.question());
        out.println("Area: " + a.areaName() + " (" + a.areaCode() + "), figures up to " + asOf);
        out.println();
        if (a.isEmpty()) {
            out.println("The warehouse holds no figures that answer this for " + a.areaName()
                    + " up to " + asOf + " (sendscope status lists what is loaded).");
            out.flush();
            return;
        }
        for (String sentence : a.sentences()) out.println("- " + sentence);
        out.println();
        table(w, a, format, out);
        List<ScrutinyAnswer.Source> sources = a.sources(w);
        if (!sources.isEmpty()) {
            out.println("Sources:");
            for (ScrutinyAnswer.Source s : sources) out.println("  " + s);
        }
        out.flush();
    }

    private static void table(Warehouse w, ScrutinyAnswer a, TableFormat format, PrintWriter out) throws SQLException {
        try (PreparedStatement t = a.table(w.connection()); ResultSet rs = t.executeQuery()) {
            ResultPrinter.print(rs, format, out);
        }
    }

    /** The LA's GSS code (by the rule of {@link AreaArgument}) and its name. */
    private static String[] resolveArea(Warehouse w, String arg) throws SQLException {
        AreaArgument area;
        try {
            area = new AreaArgument.Converter().convert(arg);
        } catch (picocli.CommandLine.TypeConversionException e) {
            throw new UserException("--area " + e.getMessage());
        }
        String code = area.gssCode(w);
        try (PreparedStatement p = w.connection().prepareStatement("SELECT name FROM areas WHERE area_code = ?")) {
            p.setString(1, code);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) throw new UserException("no area '" + arg + "' in the warehouse (GSS code or LA number)");
                return new String[] {code, rs.getString(1)};
            }
        }
    }
}
