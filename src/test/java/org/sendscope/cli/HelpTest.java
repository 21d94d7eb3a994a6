package org.sendscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sendscope.testing.CliRun;
import picocli.CommandLine;

/** {@code --help} on every command and subcommand: exit 0, a usage, and no picocli warning. */
class HelpTest {

    @Test
    void everyHelpPrintsItsUsageWithoutAWarning() {
        List<List<String>> commands = new ArrayList<>();
        collect(Main.commandLine(), new ArrayList<>(), commands);
        assertTrue(commands.size() > 30, "commands found: " + commands.size());
        List<String> warned = new ArrayList<>();
        PrintStream stderr = System.err;
        for (List<String> c : commands) {
            List<String> args = new ArrayList<>(c);
            args.add("--help");
            // picocli writes its warnings to System.err, not to the command line's own writer
            ByteArrayOutputStream caught = new ByteArrayOutputStream();
            CliRun r;
            System.setErr(new PrintStream(caught, true, StandardCharsets.UTF_8));
            try {
                r = CliRun.of(args.toArray(String[]::new));
            } finally {
                System.setErr(stderr);
            }
            assertEquals(0, r.code(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.out().startsWith("Usage: sendscope"), String.join(" ", args) + ": " + r.out());
            String noise = caught.toString(StandardCharsets.UTF_8) + r.err();
            if (!noise.isBlank()) warned.add(String.join(" ", args) + ": " + noise.strip());
        }
        assertEquals(List.of(), warned);
    }

    private static void collect(CommandLine cl, List<String> path, List<List<String>> into) {
        into.add(List.copyOf(path));
        cl.getSubcommands().forEach((name, sub) -> {
            if (name.equals("help") || !sub.getCommandSpec().name().equals(name)) return;
            List<String> p = new ArrayList<>(path);
            p.add(name);
            collect(sub, p, into);
        });
    }
}
