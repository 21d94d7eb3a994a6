package org.sendscope.kernel;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The text a reader sees in an executed notebook: every output's text, markdown and HTML, images left out. */
final class NotebookOutputs {
    private NotebookOutputs() {
    }

    static String text(Path executed) throws IOException {
        JsonObject root = JsonParser.parseString(Files.readString(executed)).getAsJsonObject();
        StringBuilder b = new StringBuilder();
        for (JsonElement c : root.getAsJsonArray("cells")) {
            JsonObject cell = c.getAsJsonObject();
            if (!cell.has("outputs")) continue;
            for (JsonElement o : cell.getAsJsonArray("outputs")) {
                JsonObject out = o.getAsJsonObject();
                if (out.has("text")) b.append(join(out.get("text"))).append('\n');
                if (!out.has("data")) continue;
                JsonObject data = out.getAsJsonObject("data");
                for (String type : new String[] {"text/markdown", "text/plain"}) {
                    if (data.has(type)) b.append(join(data.get(type))).append('\n');
                }
                if (data.has("text/html")) b.append(join(data.get("text/html")).replaceAll("data:image/[a-z+]+;base64,[A-Za-z0-9+/=]+", "")).append('\n');
            }
        }
        return b.toString();
    }

    private static String join(JsonElement e) {
        if (!e.isJsonArray()) return e.getAsString();
        StringBuilder b = new StringBuilder();
        for (JsonElement x : e.getAsJsonArray()) b.append(x.getAsString());
        return b.toString();
    }
}
