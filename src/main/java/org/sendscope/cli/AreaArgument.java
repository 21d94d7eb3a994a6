package org.sendscope.cli;

import java.sql.SQLException;
import org.sendscope.ingest.areas.KnownAreas;
import org.sendscope.warehouse.Warehouse;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * An LA as a user names it on the command line: a GSS code ({@code E06000058}) or a DfE LA number
 * ({@code 839}). The converter checks the form when the command line is read; {@link #gssCode}
 * checks it against the warehouse's {@code areas} by the rule the loads use
 * ({@link KnownAreas#localAuthority}, docs/decisions/0087-known-areas.md).
 *
 * @param given the text as typed
 */
public record AreaArgument(String given) {

    /** The picocli converter: {@code @Option(names = "--area", converter = AreaArgument.Converter.class)}. */
    public static final class Converter implements ITypeConverter<AreaArgument> {
        @Override
        public AreaArgument convert(String value) {
            String v = value.strip();
            if (!v.matches("[A-Za-z]\\d{8}") && !v.matches("\\d{3}")) {
                throw new TypeConversionException("must be a GSS code such as E06000058 (BCP) or a DfE LA number such "
                        + "as 839 (no area is called '" + value + "')");
            }
            return new AreaArgument(v.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** The LA's GSS code, which the warehouse must know; otherwise the command is refused saying why. */
    public String gssCode(Warehouse w) {
        try {
            StringBuilder why = new StringBuilder();
            return KnownAreas.of(w.connection()).localAuthority(given, why)
                    .orElseThrow(() -> new UserException("--area: " + why));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read areas: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return given;
    }
}
