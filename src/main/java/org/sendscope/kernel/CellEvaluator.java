package org.sendscope.kernel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.SourceCodeAnalysis.Suggestion;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * Runs notebook cells as Java with JShell, in this JVM (the local engine): the project's classes
 * are on the class path, state carries from cell to cell, and the last expression's value comes
 * back as the object itself. Errors carry the cell's own line numbers.
 *
 * <p>Not thread-safe except {@link #interrupt()}, which a second thread calls to stop a running cell.
 */
public final class CellEvaluator implements AutoCloseable {
    /** Imports every cell starts with, so a notebook reads like the question and not like Java plumbing. */
    static final List<String> STARTUP = List.of(
            "import java.util.*;",
            "import java.time.*;",
            "import tech.tablesaw.api.*;",
            "import org.sendscope.kernel.Sendscope;",
            "import org.sendscope.kernel.Chart;",
            "import static org.sendscope.kernel.Display.*;");

    private final CellExecutionControl control = new CellExecutionControl();
    private final Javadoc javadoc = new Javadoc(KernelSpec.projectHome());
    private final JShell shell;
    private final SourceCodeAnalysis analysis;
    /** Where each snippet came from, to turn JShell's {@code #12:3} into "cell 4, line 7". */
    private final Map<String, Origin> origins = new HashMap<>();
    private int cellNumber;

    private record Origin(int cell, int firstLine) {
    }

    /** A JShell with this JVM's class path and the startup imports. */
    public CellEvaluator() {
        shell = JShell.builder()
                .executionEngine(new CellExecutionControl.Provider(control), Map.of())
                .build();
        // The compiler needs the class path too; the engine already sees it through the system loader.
        shell.addToClasspath(System.getProperty("java.class.path"));
        analysis = shell.sourceCodeAnalysis();
        for (String line : STARTUP) {
            for (SnippetEvent e : shell.eval(line)) {
                if (e.status() == Snippet.Status.REJECTED) {
                    throw new IllegalStateException("kernel start-up import failed: " + line);
                }
            }
        }
    }

    /**
     * Runs one cell.
     *
     * @return the value of the cell's last snippet if it is an expression, else {@code null}
     * @throws CellError for a compile error, an exception or an interrupt (later snippets do not run)
     */
    public Object eval(String cell) {
        cellNumber++;
        control.forgetValues();
        String remaining = cell;
        int offset = 0;
        Object last = null;
        while (!remaining.isBlank()) {
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) break;
            String source;
            String rest;
            if (info.completeness().isComplete() && info.source() != null) {
                source = info.source();
                rest = info.remaining();
            } else {
                // An unfinished last statement: hand it to JShell whole so the error says what is missing.
                source = remaining;
                rest = "";
            }
            int start = offset + leadingBlank(remaining);
            last = evalSnippet(source.strip(), cell, start);
            offset += remaining.length() - rest.length();
            remaining = rest;
        }
        return last;
    }

    private Object evalSnippet(String source, String cell, int start) {
        int firstLine = lineAt(cell, start);
        List<SnippetEvent> events;
        try {
            events = shell.eval(source);
        } catch (IllegalStateException e) {
            throw new CellError("KernelError", "the Java shell has stopped: " + e.getMessage(), List.of());
        }
        if (control.takeStopped()) {
            throw new CellError("Interrupted", "stopped while running the statement that starts at line " + firstLine, List.of());
        }
        Object value = null;
        for (SnippetEvent e : events) {
            if (e.causeSnippet() != null) continue; // updates of dependent snippets, not this one
            Snippet s = e.snippet();
            origins.put(s.id(), new Origin(cellNumber, firstLine));
            if (e.status() == Snippet.Status.REJECTED) {
                throw compileError(s, cell, start);
            }
            if (e.exception() != null) {
                throw runtimeError(e.exception());
            }
            if (e.status() == Snippet.Status.RECOVERABLE_DEFINED || e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                List<String> missing = shell.unresolvedDependencies((jdk.jshell.DeclarationSnippet) s).toList();
                throw new CellError("CompileError", "line " + firstLine + ": cannot find symbol "
                        + String.join(", ", missing), List.of(sourceLine(cell, firstLine)));
            }
            boolean expression = s instanceof ExpressionSnippet
                    || (s instanceof VarSnippet && s.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND);
            value = expression ? control.take(e.value()) : null;
        }
        return value;
    }

    private CellError compileError(Snippet s, String cell, int start) {
        List<Diag> diags = shell.diagnostics(s).filter(Diag::isError).toList();
        if (diags.isEmpty()) {
            return new CellError("CompileError", "line " + lineAt(cell, start) + ": not valid Java", List.of());
        }
        Diag first = diags.get(0);
        int pos = first.getStartPosition() < 0 ? 0 : (int) first.getStartPosition();
        int at = Math.min(cell.length(), start + pos);
        int line = lineAt(cell, at);
        List<String> details = new ArrayList<>();
        details.add(sourceLine(cell, line));
        details.add(" ".repeat(Math.max(0, column(cell, at) + String.valueOf(line).length() + 3)) + "^");
        String[] message = first.getMessage(Locale.ENGLISH).split("\n");
        for (int i = 1; i < message.length; i++) details.add(message[i]);
        for (int i = 1; i < diags.size(); i++) {
            Diag d = diags.get(i);
            int p = Math.min(cell.length(), start + (int) Math.max(0, d.getStartPosition()));
            details.add("line " + lineAt(cell, p) + ": " + d.getMessage(Locale.ENGLISH).split("\n")[0]);
        }
        return new CellError("CompileError", "line " + line + ": " + message[0], details);
    }

    private CellError runtimeError(jdk.jshell.JShellException ex) {
        if (ex instanceof UnresolvedReferenceException u) {
            return new CellError("CompileError", "uses " + u.getSnippet().source().strip()
                    + ", which cannot run until what it refers to is defined", List.of());
        }
        if (ex instanceof EvalException ee && ee.getExceptionClassName() != null) {
            String cls = ee.getExceptionClassName();
            String where = where(ee.getStackTrace());
            String message = (ee.getMessage() == null ? "" : ee.getMessage()) + (where.isEmpty() ? "" : " (" + where + ")");
            if (isOwnError(cls)) {
                // A sendscope message is written for people (e.g. "no data loaded; run …"): no stack trace.
                return new CellError(simpleName(cls), message, List.of());
            }
            List<String> details = new ArrayList<>(trace(ee));
            return new CellError(cls, message, details);
        }
        return new CellError(ex.getClass().getSimpleName(), String.valueOf(ex.getMessage()), trace(ex));
    }

    private static boolean isOwnError(String cls) {
        return cls.startsWith("org.sendscope.") && !cls.startsWith("org.sendscope.kernel.CellError");
    }

    private static String simpleName(String cls) {
        return cls.substring(cls.lastIndexOf('.') + 1);
    }

    /** The first cell frame of a stack trace as "line N" (this cell) or "cell K, line N" (an earlier one). */
    private String where(StackTraceElement[] trace) {
        for (StackTraceElement f : trace) {
            String cellLine = cellLine(f);
            if (cellLine != null) return cellLine;
        }
        return "";
    }

    private String cellLine(StackTraceElement f) {
        String file = f.getFileName();
        if (file == null || !file.startsWith("#")) return null;
        Origin o = origins.get(file.substring(1));
        if (o == null) return null;
        int line = o.firstLine() + Math.max(1, f.getLineNumber()) - 1;
        return o.cell() == cellNumber ? "line " + line : "cell " + o.cell() + ", line " + line;
    }

    /** The stack trace with JShell's and reflection's frames left out and cell frames named by line. */
    private List<String> trace(Throwable t) {
        List<String> lines = new ArrayList<>();
        Throwable cur = t;
        boolean first = true;
        while (cur != null && lines.size() < 60) {
            if (!first) {
                String cls = cur instanceof EvalException e ? e.getExceptionClassName() : cur.getClass().getName();
                lines.add("Caused by: " + cls + (cur.getMessage() == null ? "" : ": " + cur.getMessage()));
            }
            List<String> frames = new ArrayList<>();
            int lastCellFrame = -1;
            for (StackTraceElement f : cur.getStackTrace()) {
                String cellLine = cellLine(f);
                if (cellLine != null) {
                    lastCellFrame = frames.size();
                    frames.add("    at " + cellLine);
                    continue;
                }
                String c = f.getClassName();
                if (c.startsWith("jdk.internal.") || c.startsWith("java.lang.reflect.") || c.startsWith("jdk.jshell.")) continue;
                frames.add("    at " + f);
            }
            // What called the cell is the kernel's business, not the reader's.
            lines.addAll(lastCellFrame < 0 ? frames : frames.subList(0, lastCellFrame + 1));
            first = false;
            cur = cur.getCause();
        }
        return lines;
    }

    /**
     * Makes {@code value} a variable of the shell, as if the cell had declared it.
     *
     * @param type the declared type's source name, e.g. {@code tech.tablesaw.api.Table}
     */
    public void bind(String name, String type, Object value) {
        if (!name.matches("[A-Za-z_$][A-Za-z0-9_$]*")) {
            throw new CellError("MagicError", "'" + name + "' is not a Java variable name", List.of());
        }
        Handoff.put(value);
        for (SnippetEvent e : shell.eval(type + " " + name + " = (" + type + ") org.sendscope.kernel.Handoff.take();")) {
            if (e.causeSnippet() == null && (e.status() == Snippet.Status.REJECTED || e.exception() != null)) {
                throw new CellError("MagicError", "could not bind '" + name + "'", List.of());
            }
        }
    }

    /** The names of the variables the cells have declared so far. */
    public java.util.Set<String> variableNames() {
        return shell.variables().filter(v -> shell.status(v).isActive()).map(VarSnippet::name)
                .collect(java.util.stream.Collectors.toSet());
    }

    /** Completion suggestions for the cursor position, JShell's {@link SourceCodeAnalysis} doing the work. */
    public Completion complete(String code, int cursor) {
        // Find the snippet the cursor is in: JShell completes one snippet at a time.
        int offset = 0;
        String remaining = code;
        while (true) {
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            int consumed = remaining.length() - info.remaining().length();
            if (!info.completeness().isComplete() || consumed <= 0 || offset + consumed >= cursor) break;
            offset += consumed;
            remaining = info.remaining();
        }
        String snippet = code.substring(offset, Math.max(offset, Math.min(code.length(), cursor)));
        int[] anchor = new int[1];
        List<String> options = analysis.completionSuggestions(snippet, snippet.length(), anchor).stream()
                .filter(Suggestion::matchesType).map(Suggestion::continuation).distinct().toList();
        if (options.isEmpty()) {
            options = analysis.completionSuggestions(snippet, snippet.length(), anchor).stream()
                    .map(Suggestion::continuation).distinct().toList();
        }
        return new Completion(options, offset + anchor[0], cursor);
    }

    /** What a completion offers: replace {@code code[start, end)} with one of {@code options}. */
    public record Completion(List<String> options, int start, int end) {
    }

    /** Whether the code is a whole statement: {@code complete}, {@code incomplete}, {@code invalid}. */
    public String completeness(String code) {
        String rest = code;
        while (!rest.isBlank()) {
            CompletionInfo info = analysis.analyzeCompletion(rest);
            switch (info.completeness()) {
                case COMPLETE, COMPLETE_WITH_SEMI, EMPTY -> rest = info.remaining();
                case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> {
                    return "incomplete";
                }
                default -> {
                    return "invalid";
                }
            }
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) break;
        }
        return "complete";
    }

    /** The signature and Javadoc of what is under the cursor (shift-tab), or {@code null}. */
    public String documentation(String code, int cursor) {
        var docs = analysis.documentation(code, cursor, true);
        if (docs.isEmpty()) return null;
        StringBuilder b = new StringBuilder();
        for (var d : docs) {
            b.append(d.signature()).append('\n');
            String doc = d.javadoc() != null ? d.javadoc() : javadoc.of(d.signature());
            if (doc != null) b.append(doc).append("\n\n");
        }
        return b.toString().strip() + "\n";
    }

    /** Stops the running cell (from another thread); the cell fails with "interrupted". */
    public void interrupt() {
        shell.stop();
    }

    /** How many cells have run. */
    public int cellCount() {
        return cellNumber;
    }

    @Override
    public void close() {
        shell.close();
    }

    private static int leadingBlank(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        return i;
    }

    static int lineAt(String text, int pos) {
        int line = 1;
        for (int i = 0; i < pos && i < text.length(); i++) if (text.charAt(i) == '\n') line++;
        return line;
    }

    private static int column(String text, int pos) {
        int nl = text.lastIndexOf('\n', Math.max(0, pos - 1));
        return pos - (nl + 1);
    }

    private static String sourceLine(String cell, int line) {
        String[] lines = cell.split("\n", -1);
        String text = line - 1 < lines.length ? lines[line - 1] : "";
        return line + " | " + text;
    }
}
