package org.sendscope.ingest.neighbours;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The DfE statistical neighbour tool's closeness bands, in one spelling: the 2021 file writes
 * {@code Very Close}, the 2025 file {@code Very close} (and pads some with spaces).
 */
public final class Closeness {
    /** The bands, closest first. */
    public static final List<String> BANDS = List.of("Extremely close", "Very close", "Close", "Somewhat close",
            "Not close");

    private Closeness() {
    }

    /** The band a label names, whatever its case and spacing. */
    public static Optional<String> of(String label) {
        if (label == null) return Optional.empty();
        String l = label.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return BANDS.stream().filter(b -> b.toLowerCase(Locale.ROOT).equals(l)).findFirst();
    }
}
