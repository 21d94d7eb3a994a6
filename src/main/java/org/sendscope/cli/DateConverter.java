package org.sendscope.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A date option ({@code --published}, {@code --snapshot}, {@code --as-of}) as YYYY-MM-DD, checked when read; the message
 * is completed with the option's name by {@link Main}: "--published must be a date …".
 */
public final class DateConverter implements ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("must be a date YYYY-MM-DD (e.g. 2024-07-24), not '" + value + "'");
        }
    }
}
