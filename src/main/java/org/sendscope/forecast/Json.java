package org.sendscope.forecast;

import java.util.Collection;
import java.util.Map;

/** Just enough JSON to record a forecast's inputs and parameters (maps, lists, numbers, text). */
final class Json {
    private Json() {
    }

    static String of(Object o) {
        StringBuilder b = new StringBuilder();
        write(b, o);
        return b.toString();
    }

    private static void write(StringBuilder b, Object o) {
        if (o == null) {
            b.append("null");
        } else if (o instanceof Double d) {
            number(b, d);
        } else if (o instanceof Float f) {
            number(b, f.doubleValue());
        } else if (o instanceof Number || o instanceof Boolean) {
            b.append(o);
        } else if (o instanceof double[] a) {
            b.append('[');
            for (int i = 0; i < a.length; i++) {
                if (i > 0) b.append(',');
                number(b, a[i]);
            }
            b.append(']');
        } else if (o instanceof Map<?, ?> m) {
            b.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) b.append(',');
                first = false;
                string(b, String.valueOf(e.getKey()));
                b.append(':');
                write(b, e.getValue());
            }
            b.append('}');
        } else if (o instanceof Collection<?> c) {
            b.append('[');
            boolean first = true;
            for (Object x : c) {
                if (!first) b.append(',');
                first = false;
                write(b, x);
            }
            b.append(']');
        } else {
            string(b, o.toString());
        }
    }

    private static void number(StringBuilder b, double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) b.append("null");
        else if (d == Math.rint(d) && Math.abs(d) < 1e15) b.append((long) d);
        else b.append(Double.toString(d));
    }

    private static void string(StringBuilder b, String s) {
        b.append(org.sendscope.report.ResultPrinter.jsonString(s));
    }
}
