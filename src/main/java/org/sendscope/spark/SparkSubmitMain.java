package org.sendscope.spark;

import org.sendscope.cli.Main;

/**
 * The job jar's entry point under {@code spark-submit}: {@code JOB --input DIR --output DIR …}, the
 * arguments of {@code sendscope spark}, on the session spark-submit configured (its master, its
 * cluster). The exit codes are the command line's: 1 for a mistake in what was given, 2 for a bug.
 */
public final class SparkSubmitMain {
    private SparkSubmitMain() {
    }

    public static void main(String[] args) {
        String[] withVerb = new String[args.length + 1];
        withVerb[0] = "spark";
        System.arraycopy(args, 0, withVerb, 1, args.length);
        int code = Main.execute(withVerb);
        if (code != 0) System.exit(code);
    }
}
