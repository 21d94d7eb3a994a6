package org.sendscope.finance;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The numbers of a scenario a run may move — each figure once, however many places use it — so
 * that the simulation, the sensitivity table and the goal seek all drive the one model through
 * {@link #value(Figure)}. A knob's base value is its figure's; {@link Setting} is one set of values.
 */
public final class Knobs {
    /** A named figure the runs may move. */
    public record Knob(String name, Figure figure) {
    }

    private final List<Knob> knobs = new ArrayList<>();
    private final Map<Figure, Integer> index = new IdentityHashMap<>();

    /** Registers {@code f} under {@code name} (the first name wins when a figure is used twice). */
    void add(String name, Figure f) {
        if (f == null || index.containsKey(f)) return;
        index.put(f, knobs.size());
        knobs.add(new Knob(name, f));
    }

    public List<Knob> all() {
        return knobs;
    }

    /** The index of the knob called {@code name}, or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < knobs.size(); i++) if (knobs.get(i).name().equals(name)) return i;
        return -1;
    }

    /** Every knob at its figure's value. */
    public Setting base() {
        double[] v = new double[knobs.size()];
        for (int i = 0; i < v.length; i++) v[i] = knobs.get(i).figure().value();
        return new Setting(v);
    }

    /** One value per knob. */
    public final class Setting {
        final double[] values;

        Setting(double[] values) {
            this.values = values;
        }

        /** True when every knob has its figure's value. */
        public boolean isBase() {
            for (int i = 0; i < values.length; i++) if (values[i] != knobs.get(i).figure().value()) return false;
            return true;
        }

        /** The value of {@code f} in this setting (its own value when it is not a knob). */
        public double value(Figure f) {
            Integer i = index.get(f);
            return i == null ? f.value() : values[i];
        }

        /** A copy with knob {@code i} set to {@code v}. */
        public Setting with(int i, double v) {
            double[] c = values.clone();
            c[i] = v;
            return new Setting(c);
        }

        public Setting copy() {
            return new Setting(values.clone());
        }

        public void set(int i, double v) {
            values[i] = v;
        }
    }
}
