package org.sendscope.cli;

import java.io.PrintWriter;
import org.sendscope.ingest.LoadException;
import org.sendscope.warehouse.WarehouseException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code sendscope <verb>}: the command line. Exit codes: 0 done, 1 user error (a clear one-line
 * message), 2 a bug (the stack trace is shown with {@code --verbose}).
 */
@Command(name = "sendscope", mixinStandardHelpOptions = true, version = "sendscope 0.1.0",
        description = "SEND analytics warehouse: load DfE releases and local scorecards, compare, forecast, ask.",
        subcommands = {
                LoadCommand.class,
                DemoCommand.class,
                StatusCommand.class,
                SqlCommand.class,
                AskCommand.class,
                ExportCommand.class,
                BenchCommand.class,
                NotebookCommand.class,
                BacktestCommand.class,
                ForecastCommand.class,
                ScenarioCommand.class,
                SparkCommand.class,
                SynthCommand.class,
                ReportCommand.class,
                EesCommand.class,
                CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {

    /** Exit code for a mistake the user can fix: bad input, a missing file, a refused statement. */
    public static final int USER_ERROR = 1;
    /** Exit code for a bug. */
    public static final int BUG = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code (for tests and the launcher). */
    public static int execute(String... args) {
        CommandLine cl = commandLine();
        return cl.execute(args);
    }

    /** The configured command line, with the project's exception handling. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            PrintWriter err = line.getErr();
            boolean verbose = verbose(parsed);
            if (isUsersMistake(ex)) {
                err.println("sendscope: " + ex.getMessage());
                if (verbose) ex.printStackTrace(err);
                err.flush();
                return USER_ERROR;
            }
            err.println("sendscope: internal error: " + ex);
            if (verbose) ex.printStackTrace(err);
            else err.println("(run again with --verbose for the stack trace)");
            err.flush();
            return BUG;
        });
        cl.setExitCodeExceptionMapper(ex -> USER_ERROR);
        // A mistyped option or value is one line saying what and where to look, not the whole usage.
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            // a typed option's converter (AreaArgument, DateConverter) says what the value must be; name the option
            if (ex.getCause() instanceof CommandLine.TypeConversionException t
                    && ex.getArgSpec() instanceof CommandLine.Model.OptionSpec o) {
                err.println("sendscope: " + o.longestName() + " " + t.getMessage() + " ("
                        + ex.getCommandLine().getCommandSpec().qualifiedName(" ") + " --help lists the options)");
                err.flush();
                return USER_ERROR;
            }
            err.println("sendscope: " + ex.getMessage() + " ("
                    + ex.getCommandLine().getCommandSpec().qualifiedName(" ") + " --help lists the options)");
            err.flush();
            return USER_ERROR;
        });
        cl.setExecutionStrategy(parsed -> {
            try {
                return new CommandLine.RunLast().execute(parsed);
            } catch (Error e) {
                // picocli hands only Exceptions to the handler; an Error (out of memory mid-load) is a bug too
                try {
                    return cl.getExecutionExceptionHandler().handleExecutionException(new StoppedByError(e), cl, parsed);
                } catch (Exception x) {
                    throw new CommandLine.ExecutionException(cl, String.valueOf(x.getMessage()), x);
                }
            }
        });
        return cl;
    }

    /**
     * Whether an exception is a mistake the user can fix (exit 1): a refused file, a refused or
     * failing query of their own, a missing warehouse. A query sendscope wrote itself that fails
     * ({@link WarehouseException#internal}) is a bug (exit 2), like any other exception.
     */
    static boolean isUsersMistake(Exception ex) {
        if (ex instanceof WarehouseException w) return !w.isBug();
        return ex instanceof LoadException || ex instanceof UserException;
    }

    /**
     * Whether the command was given {@code --verbose} ({@link WarehouseOptions}): read from what
     * picocli parsed, so a query or file name that happens to read "--verbose" does not count.
     */
    static boolean verbose(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) return true;
        }
        return false;
    }

    /** An {@link Error} a command stopped with, handed to the exception handler as the bug it is. */
    private static final class StoppedByError extends RuntimeException {
        StoppedByError(Error e) {
            super(e.toString(), e);
        }

        @Override
        public String toString() {
            return getCause().toString();
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
