package org.sendscope.cli;

import org.sendscope.warehouse.Warehouse;
import picocli.CommandLine.Option;

/**
 * {@code --area CODE} (required) on the loads of an LA's own figures ({@code load kpis},
 * {@code load paper}): the LA the file is about, checked against the warehouse's {@code areas}.
 */
public final class LocalAreaOption {
    @Option(names = "--area", required = true, paramLabel = "CODE", converter = AreaArgument.Converter.class,
            description = "The LA: GSS code (E06000058) or DfE LA number (839).")
    AreaArgument area;

    /** The LA's GSS code, as the warehouse knows it. */
    String gssCode(Warehouse w) {
        return area.gssCode(w);
    }
}
