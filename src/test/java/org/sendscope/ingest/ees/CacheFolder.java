package org.sendscope.ingest.ees;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sendscope.ees.DataSet;
import org.sendscope.ees.DataSetMeta;
import org.sendscope.ees.DataSetVersion;
import org.sendscope.ees.EesCache;
import org.sendscope.ees.EesClient;
import org.sendscope.ingest.SourceFile;

/** Writes a cache folder as {@code ees fetch} leaves one, from a CSV and metadata the test makes. */
final class CacheFolder {
    private CacheFolder() {
    }

    static Path write(Path root, String id, String version, String title, String published, byte[] csv, DataSetMeta meta)
            throws IOException {
        Path dir = new EesCache(root).folder(id, version);
        Files.createDirectories(dir);
        Files.write(dir.resolve("data.csv"), csv);
        long rows = new String(csv, java.nio.charset.StandardCharsets.UTF_8).lines().count() - 1;
        Files.writeString(dir.resolve("data-set.json"), EesClient.json(new DataSet(id, title, "", "Published", null, null)));
        Files.writeString(dir.resolve("version.json"), EesClient.json(new DataSetVersion(version, "Major", "Published", published,
                null, "", rows, new DataSetVersion.Release("test release", "test"), null, List.of(), List.of(), List.of())));
        Files.writeString(dir.resolve("meta.json"), EesClient.json(meta));
        var d = new ObjectMapper().createObjectNode().put("data_set_id", id).put("version", version)
                .put("base_url", "file:test").put("rows", rows).put("sha256", SourceFile.sha256(csv));
        Files.writeString(dir.resolve("download.json"), EesClient.json(d));
        return dir;
    }
}
