package org.sendscope.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code index.html} of a run for several areas: one row per area (its code and name), one
 * column per notebook, each cell a link to that area's executed HTML, or "failed".
 */
public final class NotebookIndex {
    /** One executed notebook for one area. */
    public record Entry(String notebook, String areaCode, String areaName, NotebookRunner.Result result) {
    }

    private NotebookIndex() {
    }

    /** Writes {@code index.html} in {@code dir}, linking to the HTML files by their names relative to it. */
    public static Path write(Path dir, String title, List<Entry> entries) throws IOException {
        List<String> notebooks = new ArrayList<>();
        Map<String, String> areas = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (!notebooks.contains(e.notebook())) notebooks.add(e.notebook());
            areas.putIfAbsent(e.areaCode(), e.areaName());
        }
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(TableHtml.escape(title)).append("</title>\n<style>body{font-family:sans-serif;margin:2em}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 10px;text-align:left}</style>"
                        + "</head><body>\n<h1>").append(TableHtml.escape(title)).append("</h1>\n<table>\n<tr><th>area</th><th>name</th>");
        for (String nb : notebooks) b.append("<th>").append(TableHtml.escape(nb)).append("</th>");
        b.append("</tr>\n");
        for (Map.Entry<String, String> a : areas.entrySet()) {
            b.append("<tr><td>").append(TableHtml.escape(a.getKey())).append("</td><td>")
                    .append(TableHtml.escape(a.getValue() == null ? "" : a.getValue())).append("</td>");
            for (String nb : notebooks) {
                Entry e = entries.stream().filter(x -> x.notebook().equals(nb) && x.areaCode().equals(a.getKey()))
                        .findFirst().orElse(null);
                b.append("<td>");
                if (e == null) b.append("");
                else if (e.result().ok()) {
                    String href = dir.toAbsolutePath().normalize().relativize(e.result().html().toAbsolutePath().normalize())
                            .toString().replace('\\', '/');
                    b.append("<a href=\"").append(TableHtml.escape(href)).append("\">").append(TableHtml.escape(nb))
                            .append(" for ").append(TableHtml.escape(a.getKey())).append("</a>");
                } else {
                    b.append("failed");
                }
                b.append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</table>\n</body></html>\n");
        Path index = dir.resolve("index.html");
        Files.writeString(index, b.toString(), StandardCharsets.UTF_8);
        return index;
    }
}
