package org.sendscope.kernel;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishDisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;

/**
 * sendscope's Jupyter kernel: Java cells run by JShell in this JVM ({@link CellEvaluator}),
 * {@code %%sql} cells run on the warehouse ({@link SqlMagic}), tables and charts shown as HTML and
 * PNG ({@link RichDisplay}). The Jupyter protocol itself is jjava-jupyter's.
 *
 * <p>Started by Jupyter through the kernelspec {@code sendscope notebook install} writes:
 * {@code java -cp … org.sendscope.kernel.SendscopeKernel CONNECTION_FILE}.
 */
public final class SendscopeKernel extends BaseKernel {
    /** A cell printing more than this is cut, so a runaway loop cannot swamp the notebook. */
    static final int MAX_OUTPUT_BYTES = 2 * 1024 * 1024;

    // JShell takes about a second to start: begin while Jupyter is still connecting.
    private final CompletableFuture<CellEvaluator> evaluator = CompletableFuture.supplyAsync(CellEvaluator::new);
    private final CellOutput out = new CellOutput();
    private final CellOutput err = new CellOutput();
    /** The request being answered while a cell runs: where its output and displays go. */
    private volatile ShellReplyEnvironment current;

    public SendscopeKernel() {
        super("sendscope", "0.1.0",
                new LanguageInfo("java", Runtime.version().toString(), "text/x-java-source", ".jshell", "java", "java", null),
                List.of(), null, new JupyterIO(StandardCharsets.UTF_8), new CommManager(), new Renderer(), null,
                new MagicsRegistry(), false, new StringStyler("", "", "", line -> ""));
        Display.connect(this::show);
    }

    /** Starts the kernel on the connection file Jupyter gives. */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java -cp … org.sendscope.kernel.SendscopeKernel CONNECTION_FILE");
            System.exit(2);
        }
        KernelConnectionProperties props = KernelConnectionProperties.parse(Files.readString(Path.of(args[0])));
        JupyterConnection connection = new JupyterConnection(props);
        SendscopeKernel kernel = new SendscopeKernel();
        kernel.onStartup();
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        connection.waitUntilClose();
        System.exit(0);
    }

    private CellEvaluator shell() {
        try {
            return evaluator.join();
        } catch (RuntimeException e) {
            throw new CellError("KernelError", "the Java shell did not start: " + e.getMessage(), List.of());
        }
    }

    @Override
    public Object evalRaw(String code) {
        if (SqlMagic.isSqlCell(code)) return SqlMagic.run(code, shell());
        return shell().eval(code);
    }

    @Override
    public DisplayData eval(String code) {
        Object value = evalRaw(code);
        return value == null ? null : RichDisplay.of(value);
    }

    /**
     * Runs one cell. Written here rather than inherited so that a failed cell's reply carries the
     * cell's own error lines (nbconvert prints the reply's traceback, which would otherwise be the
     * kernel's stack), and so printed output goes out in one message per cell.
     */
    @Override
    protected synchronized void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        commManager.setMessageContext(message);
        String code = message.getContent().getCode();
        int count = executionCount.getAndIncrement();
        env.setBusyDeferIdle();
        env.publish(new PublishExecuteInput(code, count));
        replaceOutputStreams(env);
        current = env;
        try {
            Object value = evalRaw(code);
            flushOutput();
            if (value != null) env.publish(new PublishExecuteResult(count, RichDisplay.of(value)));
            env.defer().reply(new ExecuteReply(count, Map.of()));
        } catch (RuntimeException e) {
            flushOutput();
            List<String> lines = formatError(e);
            String name = errorName(e);
            String text = String.valueOf(e.getMessage());
            env.publish(new PublishError(name, text, lines));
            ErrorReply reply = new ErrorReply(name, text, lines);
            reply.setExecutionCount(count);
            env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), reply);
        } finally {
            current = null;
        }
    }

    /**
     * Cells print into a buffer that is sent once per cell (and before each display): one Jupyter
     * message per {@code println} loses output when a cell prints a lot (nbclient's iopub timeout).
     */
    @Override
    protected void replaceOutputStreams(ShellReplyEnvironment env) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(out.stream());
        System.setErr(err.stream());
        env.defer(() -> {
            System.setOut(oldOut);
            System.setErr(oldErr);
        });
    }

    private void flushOutput() {
        ShellReplyEnvironment env = current;
        if (env == null) return;
        String o = out.take();
        if (!o.isEmpty()) env.writeToStdOut(o);
        String e = err.take();
        if (!e.isEmpty()) env.writeToStdErr(e);
    }

    private void show(Object value) {
        ShellReplyEnvironment env = current;
        if (env == null) return; // a display after its cell ended has nowhere to go
        flushOutput();
        env.publish(new PublishDisplayData(RichDisplay.of(value)));
    }

    private static String errorName(Throwable e) {
        return e instanceof CellError c ? c.kind() : e.getClass().getSimpleName();
    }

    @Override
    public List<String> formatError(Throwable e) {
        if (e instanceof CellError c) return c.lines();
        // A %%sql cell's refusal or SQL error is written for people: its sentence, no stack trace.
        if (e.getClass().getName().startsWith("org.sendscope.")) return List.of(errorName(e) + ": " + e.getMessage());
        return super.formatError(e);
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        String doc = shell().documentation(code, at);
        return doc == null ? null : new DisplayData(doc);
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        if (SqlMagic.isSqlCell(code)) return new ReplacementOptions(List.of(), at, at); // SQL is not Java
        CellEvaluator.Completion c = shell().complete(code, at);
        return new ReplacementOptions(c.options(), c.start(), c.end());
    }

    @Override
    public String isComplete(String code) {
        if (SqlMagic.isSqlCell(code)) return IS_COMPLETE_YES;
        return switch (shell().completeness(code)) {
            case "complete" -> IS_COMPLETE_YES;
            case "incomplete" -> "    ";
            default -> IS_COMPLETE_BAD;
        };
    }

    @Override
    public void interrupt() {
        if (evaluator.isDone()) shell().interrupt();
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        Sendscope.closeAll();
        if (evaluator.isDone()) shell().close();
        super.onShutdown(isRestarting);
    }

    /** A cell's printed output, held until the cell ends or shows something. */
    static final class CellOutput {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final PrintStream stream = new PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                synchronized (buffer) {
                    if (buffer.size() < MAX_OUTPUT_BYTES) buffer.write(b);
                    else truncated = true;
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                synchronized (buffer) {
                    int room = Math.max(0, MAX_OUTPUT_BYTES - buffer.size());
                    buffer.write(b, off, Math.min(room, len));
                    if (len > room) truncated = true;
                }
            }
        }, true, StandardCharsets.UTF_8);
        private boolean truncated;

        PrintStream stream() {
            return stream;
        }

        /** What was printed since the last call, to send as one message. */
        String take() {
            String text;
            synchronized (buffer) {
                stream.flush();
                text = buffer.toString(StandardCharsets.UTF_8);
                if (truncated) text += "\n… output cut at " + MAX_OUTPUT_BYTES / 1024 / 1024 + " MB\n";
                buffer.reset();
                truncated = false;
            }
            return text;
        }
    }
}
