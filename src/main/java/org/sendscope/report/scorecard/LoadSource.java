package org.sendscope.report.scorecard;

/** A load the scorecard's figures came from, as the {@code loads} view has it. */
public record LoadSource(long loadId, String source, String fileName, String sha256, String vintage, String loadedAt) {
    /** The paper or release in words: "paper: bcp-….txt" → the file's name. */
    public String what() {
        return fileName;
    }
}
