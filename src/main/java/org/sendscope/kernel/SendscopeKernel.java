package org.sendscope.kernel;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
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
    /**
     * Printed output is sent at least this often while a cell runs, so a long cell shows its
     * progress; batched, not one message per {@code println} (see {@link CellOutput}).
     */
    static final long STREAM_EVERY_MS = 200;
    private static final ScheduledExecutorService STREAM = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sendscope-output");
        t.setDaemon(true);
        return t;
    });
    /** Held while output, a display or a result is sent, so they reach the notebook in the order they happened. */
    private final Object publishing = new Object();

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
        // The DuckDB driver loads its native library in a class initialiser, which takes seconds on a
        // busy machine. Done here, off the cells' thread, an interrupt of the first %%sql cell can no
        // longer land inside it (which would leave the driver unusable until a restart).
        Thread warm = new Thread(() -> {
            try {
                Class.forName("org.duckdb.DuckDBNative", true, SendscopeKernel.class.getClassLoader());
            } catch (ReflectiveOperationException | LinkageError e) {
                // the first query will report it, in the cell that needs DuckDB
            }
        }, "duckdb-native-load");
        warm.setDaemon(true);
        warm.start();
        KernelConnectionProperties props = KernelConnectionProperties.parse(Files.readString(Path.of(args[0])));
        JupyterConnection connection = new JupyterConnection(props);
        SendscopeKernel kernel = new SendscopeKernel();
        kernel.onStartup();
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        ParentWatch.start(kernel::parentDied);
        connection.waitUntilClose();
        System.exit(0);
    }

    /**
     * The Jupyter process that started the kernel is gone (killed, crashed): nobody can reach this
     * kernel any more, so it stops its cell, closes the warehouse and exits rather than live on.
     */
    private void parentDied(long parentPid) {
        Thread halt = new Thread(() -> {
            // A connection that will not close must not keep the process alive.
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException ignored) {
                // exiting anyway
            }
            Runtime.getRuntime().halt(0);
        }, "sendscope-exit");
        halt.setDaemon(true);
        halt.start();
        interrupt();
        Sendscope.closeAll();
        Runtime.getRuntime().halt(0);
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
        return Magics.eval(code, shell());
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
        out.startCell();
        err.startCell();
        current = env;
        ScheduledFuture<?> streaming = STREAM.scheduleWithFixedDelay(this::flushOutput,
                STREAM_EVERY_MS, STREAM_EVERY_MS, TimeUnit.MILLISECONDS);
        try {
            Object value = evalRaw(code);
            synchronized (publishing) {
                flushOutput();
                if (value != null) env.publish(new PublishExecuteResult(count, RichDisplay.of(value)));
            }
            env.defer().reply(new ExecuteReply(count, Map.of()));
        } catch (RuntimeException e) {
            List<String> lines = formatError(e);
            String name = errorName(e);
            String text = String.valueOf(e.getMessage());
            synchronized (publishing) {
                flushOutput();
                env.publish(new PublishError(name, text, lines));
            }
            ErrorReply reply = new ErrorReply(name, text, lines);
            reply.setExecutionCount(count);
            env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), reply);
        } finally {
            streaming.cancel(false);
            synchronized (publishing) {
                current = null;
            }
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

    /** Sends what the cell printed since the last flush; also run every {@value #STREAM_EVERY_MS} ms while a cell runs. */
    private void flushOutput() {
        synchronized (publishing) {
            ShellReplyEnvironment env = current;
            if (env == null) return;
            String o = out.take();
            if (!o.isEmpty()) env.writeToStdOut(o);
            String e = err.take();
            if (!e.isEmpty()) env.writeToStdErr(e);
        }
    }

    private void show(Object value) {
        DisplayData d = RichDisplay.of(value); // drawn outside the lock: printed output keeps streaming meanwhile
        synchronized (publishing) {
            ShellReplyEnvironment env = current;
            if (env == null) return; // a display after its cell ended has nowhere to go
            flushOutput();
            env.publish(new PublishDisplayData(d));
        }
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
        if (Magics.isMagicCell(code)) return new ReplacementOptions(List.of(), at, at); // SQL is not Java
        CellEvaluator.Completion c = shell().complete(code, at);
        return new ReplacementOptions(c.options(), c.start(), c.end());
    }

    @Override
    public String isComplete(String code) {
        if (Magics.isMagicCell(code)) return IS_COMPLETE_YES;
        return switch (shell().completeness(code)) {
            case "complete" -> IS_COMPLETE_YES;
            case "incomplete" -> "    ";
            default -> IS_COMPLETE_BAD;
        };
    }

    @Override
    public void interrupt() {
        // A query waits in DuckDB's native code, where stopping the Java thread does nothing: cancel it first.
        Sendscope.cancelRunning();
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
                    if (written < MAX_OUTPUT_BYTES) {
                        buffer.write(b);
                        written++;
                    } else {
                        truncated = true;
                    }
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                synchronized (buffer) {
                    int room = (int) Math.max(0, MAX_OUTPUT_BYTES - written);
                    int n = Math.min(room, len);
                    buffer.write(b, off, n);
                    written += n;
                    if (len > room) truncated = true;
                }
            }
        }, true, StandardCharsets.UTF_8);
        /** Bytes kept since the cell began: the bound is per cell, however often the buffer is sent. */
        private long written;
        private boolean truncated;
        private boolean saidCut;

        PrintStream stream() {
            return stream;
        }

        /** A new cell: its output may again be up to {@link #MAX_OUTPUT_BYTES}. */
        void startCell() {
            synchronized (buffer) {
                buffer.reset();
                written = 0;
                truncated = false;
                saidCut = false;
            }
        }

        /** What was printed since the last call, to send as one message. */
        String take() {
            String text;
            synchronized (buffer) {
                stream.flush();
                text = buffer.toString(StandardCharsets.UTF_8);
                if (truncated && !saidCut) {
                    text += "\n… output cut at " + MAX_OUTPUT_BYTES / 1024 / 1024 + " MB\n";
                    saidCut = true;
                }
                buffer.reset();
            }
            return text;
        }
    }
}
