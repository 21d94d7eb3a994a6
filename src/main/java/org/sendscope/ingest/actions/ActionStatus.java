package org.sendscope.ingest.actions;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one status scale every plan's own scale is mapped onto (docs/decisions/0030-action-status-scale.md).
 * The status as written is always kept beside it; where the plan's status was a colour that the text
 * lost, the status is {@link #UNKNOWN}, never a guess.
 */
public enum ActionStatus {
    NOT_STARTED, NOT_DUE_YET, ON_TRACK, ON_TRACK_SOME_CONCERNS, SIGNIFICANT_RISK, HIGH_RISK, ACTIONED, COMPLETED,
    UNKNOWN;

    /** The code stored in the warehouse, e.g. {@code on_track_some_concerns}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a status cell. Letters follow BCP's key (R high risk, A significant risk, P on track,
     * G actioned, C completed, NS not started); words cover Hull's RAGP phrases and the usual tracker
     * words (Red/Amber/Green, complete, not started, …).
     *
     * @return the status, {@link #UNKNOWN} for an empty cell, or {@code null} when the text is not a
     *         status this scale knows (the caller records that and stores {@link #UNKNOWN})
     */
    public static ActionStatus read(String written) {
        String s = normalise(written);
        if (s.isEmpty()) return UNKNOWN;
        switch (s) {
            case "r", "red", "high risk", "off track", "escalate", "escalated":
                return HIGH_RISK;
            case "a", "amber", "significant risk", "at risk":
                return SIGNIFICANT_RISK;
            case "p", "on track", "on track no concerns", "green", "on target", "in progress":
                return ON_TRACK;
            case "on track some concerns", "some concerns", "amber green", "green amber":
                return ON_TRACK_SOME_CONCERNS;
            case "g", "actioned", "implemented", "implemented and embedded":
                return ACTIONED;
            case "c", "completed", "complete", "done", "closed", "completed embedded sustained", "blue":
                return COMPLETED;
            case "ns", "not started", "not yet started":
                return NOT_STARTED;
            case "not due yet", "not yet due", "not due":
                return NOT_DUE_YET;
            case "unknown", "tbc", "n a", "na":
                return UNKNOWN;
            default:
                return null;
        }
    }

    /**
     * Lower case, Latin letters for their Cyrillic look-alikes (BCP's key types А, Р and С in Cyrillic),
     * punctuation as spaces, spaces collapsed.
     */
    static String normalise(String written) {
        if (written == null) return "";
        String s = Normalizer.normalize(written, Normalizer.Form.NFKC);
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) b.append(latin(ch));
        return b.toString().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    }

    private static char latin(char ch) {
        return switch (ch) {
            case 'А' -> 'A'; case 'В' -> 'B'; case 'С' -> 'C'; case 'Е' -> 'E'; case 'Н' -> 'H'; case 'К' -> 'K';
            case 'М' -> 'M'; case 'О' -> 'O'; case 'Р' -> 'P'; case 'Т' -> 'T'; case 'Х' -> 'X';
            case 'а' -> 'a'; case 'с' -> 'c'; case 'е' -> 'e'; case 'о' -> 'o'; case 'р' -> 'p'; case 'х' -> 'x';
            case 'у' -> 'y';
            default -> ch;
        };
    }
}
