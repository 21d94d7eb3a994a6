package org.sendscope.vocabulary;

import java.util.Locale;
import java.util.Optional;

/**
 * The one rule for the enums whose constants the warehouse and reports write as words: the
 * constant's name in lower case ({@code RED} is {@code red}, {@code CENSUS_JANUARY} is
 * {@code census_january}), so a constant and its stored word cannot drift apart.
 */
public interface StoredCode {
    /** The constant's name (every enum has it). */
    String name();

    /** The word stored for this constant. */
    default String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant of {@code type} stored as {@code code}, if any (exact, lower-case words only). */
    static <E extends Enum<E> & StoredCode> Optional<E> parse(Class<E> type, String code) {
        if (code == null) return Optional.empty();
        for (E e : type.getEnumConstants()) if (e.code().equals(code)) return Optional.of(e);
        return Optional.empty();
    }
}
