package org.sendscope.demo;

/**
 * One step of {@code sendscope demo}: loads something bundled (or generated) into the warehouse,
 * or reports on what is there. Steps run in order; a step that cannot run (for example one that
 * needs {@code ../shared}) says so and the demo goes on.
 */
public interface DemoStep {
    /** A few words for the progress line: "load transcribed BCP KPIs". */
    String title();

    /** Runs the step; prints what it did to {@code demo.out()}. */
    void run(DemoContext demo) throws Exception;

    /** What a step does when it runs. */
    @FunctionalInterface
    interface Body {
        void run(DemoContext demo) throws Exception;
    }

    /** A step with a fixed title: {@code DemoStep.of("summary", demo -> ...)}. */
    static DemoStep of(String title, Body body) {
        return new Titled(title, body);
    }

    /** The step {@link #of} makes. */
    record Titled(String title, Body body) implements DemoStep {
        @Override
        public void run(DemoContext demo) throws Exception {
            body.run(demo);
        }
    }
}
