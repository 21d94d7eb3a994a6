package org.sendscope.ees;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The local copy of every data set version fetched, one folder per data set and version
 * ({@code CACHE/DATASET_ID/VERSION/}): {@code data.csv} as verified, {@code meta.json},
 * {@code version.json} and {@code data-set.json} as the API sent them, and {@code download.json}
 * (where from, when, bytes, rows, SHA-256). A version, once published, does not change, so a
 * cached one is used as it is and a load of it is the same load offline; a copy whose CSV no
 * longer matches its checksum is refused and must be fetched again.
 */
public final class EesCache {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String CSV = "data.csv";
    static final String META = "meta.json";
    static final String VERSION = "version.json";
    static final String DATA_SET = "data-set.json";
    static final String DOWNLOAD = "download.json";

    private final Path root;

    public EesCache(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** The folder of one version. */
    public Path folder(String dataSetId, String version) {
        if (!dataSetId.matches("[A-Za-z0-9-]{1,64}") || !version.matches("\\d{1,6}(\\.\\d{1,6}){0,3}")) {
            throw new EesException("not a data set id and version: " + dataSetId + " " + version);
        }
        return root.resolve(dataSetId).resolve(version);
    }

    /** The cached copy of a version, verified, if there is one. */
    public Optional<CachedVersion> find(String dataSetId, String version) {
        Path dir = folder(dataSetId, version);
        if (!Files.exists(dir.resolve(DOWNLOAD))) return Optional.empty();
        return Optional.of(CachedVersion.open(dir));
    }

    /**
     * Fetches a version into the cache (its metadata, summaries and verified CSV) unless it is
     * there already; returns the copy.
     */
    public CachedVersion fetch(EesClient client, String dataSetId, String version) {
        Optional<CachedVersion> have = find(dataSetId, version);
        if (have.isPresent()) return have.get();
        Path dir = folder(dataSetId, version);
        try {
            Files.createDirectories(dir);
            // the summaries first: the CSV's row count is checked against the version's
            String dataSet = EesClient.json(client.dataSet(dataSetId));
            DataSetVersion v = client.version(dataSetId, version);
            String meta = client.metaJson(dataSetId, version);
            EesClient.parseMeta(meta);
            CsvDownload.Verified csv = client.downloadCsv(dataSetId, version, v.totalResults(), dir.resolve(CSV));
            Files.writeString(dir.resolve(DATA_SET), dataSet, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(VERSION), EesClient.json(v), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(META), meta, StandardCharsets.UTF_8);
            ObjectNode d = JSON.createObjectNode();
            d.put("data_set_id", dataSetId);
            d.put("version", version);
            d.put("base_url", client.base().toString());
            d.put("fetched_at", Instant.now().toString());
            d.put("bytes", csv.bytes());
            d.put("rows", csv.rows());
            d.put("columns", csv.columns());
            d.put("sha256", csv.sha256());
            // written last: a folder without it is an unfinished fetch, fetched again next time
            Files.writeString(dir.resolve(DOWNLOAD), EesClient.json(d), StandardCharsets.UTF_8);
            return CachedVersion.open(dir);
        } catch (IOException e) {
            throw new EesException("cannot write the cache folder " + dir + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            try {
                Files.deleteIfExists(dir.resolve(CSV));
                Files.deleteIfExists(dir.resolve(DOWNLOAD));
            } catch (IOException x) {
                e.addSuppressed(x);
            }
            throw e;
        }
    }

    /**
     * One cached version, its CSV's checksum verified when opened.
     *
     * @param folder   the version's folder
     * @param baseUrl  the API it was fetched from
     */
    public record CachedVersion(Path folder, String dataSetId, String version, String baseUrl, String sha256, long rows,
            DataSet dataSet, DataSetVersion summary, DataSetMeta meta) {

        public Path csv() {
            return folder.resolve(CSV);
        }

        /** Opens a version folder, checking its CSV against the checksum it was fetched with. */
        public static CachedVersion open(Path dir) {
            try {
                JsonNode d = JSON.readTree(Files.readString(dir.resolve(DOWNLOAD), StandardCharsets.UTF_8));
                String sha = d.path("sha256").asText();
                Path csv = dir.resolve(CSV);
                if (!Files.exists(csv)) throw new EesException(dir + ": the cached copy has no " + CSV + "; fetch it again");
                String actual = EesCache.sha256(csv);
                if (!actual.equals(sha)) {
                    throw new EesException(csv + " has changed since it was fetched (SHA-256 " + actual.substring(0, 12)
                            + "…, fetched as " + sha.substring(0, Math.min(12, sha.length())) + "…); delete "
                            + dir + " and fetch it again");
                }
                return new CachedVersion(dir, d.path("data_set_id").asText(), d.path("version").asText(),
                        d.path("base_url").asText(), sha, d.path("rows").asLong(),
                        EesClient.parseDataSet(Files.readString(dir.resolve(DATA_SET), StandardCharsets.UTF_8)),
                        EesClient.parseVersion(Files.readString(dir.resolve(VERSION), StandardCharsets.UTF_8)),
                        EesClient.parseMeta(Files.readString(dir.resolve(META), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new EesException("cannot read the cached copy in " + dir + ": " + e.getMessage()
                        + " (not a folder written by 'sendscope ees fetch'?)", e);
            }
        }
    }

    static String sha256(Path file) throws IOException {
        MessageDigest md = CsvDownload.sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
