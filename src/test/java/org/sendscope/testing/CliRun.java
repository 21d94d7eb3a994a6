package org.sendscope.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.sendscope.cli.Main;

/** A command line run as a user types it, with its exit code and what it printed. */
public record CliRun(int code, String out, String err) {

    /** Runs {@code sendscope ARGS…} in this JVM. */
    public static CliRun of(String... args) {
        var cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
