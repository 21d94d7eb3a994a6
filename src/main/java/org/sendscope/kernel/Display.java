package org.sendscope.kernel;

import java.util.function.Consumer;

/**
 * What a cell calls to show something in the middle of a cell ({@code display(table)}), or to
 * write prose from code ({@code markdown("**12%** more than last year")}). The kernel connects it
 * to the notebook; outside a kernel (a test, a plain JVM) things are printed as text.
 */
public final class Display {
    private static volatile Consumer<Object> sink;

    private Display() {
    }

    /** Connects the displays to a notebook (the kernel does this at start-up). */
    static void connect(Consumer<Object> target) {
        sink = target;
    }

    /** Shows a table, chart, image or any value as a cell output, and returns it for chaining. */
    public static <T> T display(T value) {
        Consumer<Object> s = sink;
        if (s != null) s.accept(value);
        else System.out.println(RichDisplay.text(value));
        return value;
    }

    /** Shows HTML the cell built. */
    public static void html(String html) {
        display(new RichDisplay.Html(html));
    }

    /** Shows Markdown the cell built, e.g. a sentence with this year's figure in it. */
    public static void markdown(String markdown) {
        display(new RichDisplay.Markdown(markdown));
    }
}
