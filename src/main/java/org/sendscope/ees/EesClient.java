package org.sendscope.ees;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A client of the DfE's Explore Education Statistics public API (v1), on the JDK's HTTP client:
 * publications and their data sets, a data set's versions and each version's changes, a version's
 * metadata, and its CSV, downloaded and verified ({@link CsvDownload}). Every request names
 * sendscope and its version in {@code User-Agent}, gives up after a timeout, and is tried again
 * with a growing pause on 429 (waiting as long as {@code Retry-After} asks) and on 5xx, a timeout
 * or a dropped connection (docs/decisions/0205-ees-client.md).
 *
 * <pre>{@code
 * EesClient ees = new EesClient(EesClient.LIVE, EesClient.Settings.defaults("sendscope/0.1.0"));
 * for (DataSet d : ees.dataSets(ees.publications("education health and care plans").get(0).id())) ...
 * }</pre>
 */
public final class EesClient {
    /** The DfE's live API, version 1. */
    public static final URI LIVE = URI.create("https://api.education.gov.uk/statistics/v1/");
    /** The most pages a listing is read to (40 a page): far above what the API lists. */
    private static final int MAX_PAGES = 200;
    private static final int PAGE_SIZE = 40;

    /** How the client waits between attempts; the tests record the waits instead of sleeping. */
    @FunctionalInterface
    public interface Pause {
        void pause(Duration d) throws InterruptedException;
    }

    /**
     * How patient the client is.
     *
     * @param timeout      the longest wait for a response to begin, per attempt
     * @param attempts     how many times a request is tried in all (1 = no retries)
     * @param firstBackOff the pause after the first failed attempt; it doubles after each
     * @param longestWait  the longest pause a {@code Retry-After} may ask for; a longer one is refused
     * @param userAgent    {@code sendscope/VERSION}
     */
    public record Settings(Duration timeout, int attempts, Duration firstBackOff, Duration longestWait, String userAgent) {
        public Settings {
            if (attempts < 1) throw new IllegalArgumentException("attempts must be 1 or more");
        }

        /** 30 s a request, 4 attempts, pauses of 1, 2 and 4 s, a Retry-After of up to 2 minutes honoured. */
        public static Settings defaults(String userAgent) {
            return new Settings(Duration.ofSeconds(30), 4, Duration.ofSeconds(1), Duration.ofMinutes(2), userAgent);
        }

        public Settings withTimeout(Duration t) {
            return new Settings(t, attempts, firstBackOff, longestWait, userAgent);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final URI base;
    private final Settings settings;
    private final Pause pause;
    private final HttpClient http;

    public EesClient(URI base, Settings settings) {
        this(base, settings, d -> Thread.sleep(d.toMillis()));
    }

    public EesClient(URI base, Settings settings, Pause pause) {
        String b = base.toString();
        this.base = URI.create(b.endsWith("/") ? b : b + "/");
        this.settings = settings;
        this.pause = pause;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** The API's address this client asks. */
    public URI base() {
        return base;
    }

    /** Publications whose title or summary matches {@code search} (all publications when blank). */
    public List<Publication> publications(String search) {
        String q = search == null || search.isBlank() ? "" : "search=" + encode(search.strip()) + "&";
        return pages("publications?" + q, Publication.class);
    }

    /** The data sets a publication offers through the API. */
    public List<DataSet> dataSets(String publicationId) {
        return pages("publications/" + id(publicationId) + "/data-sets?", DataSet.class);
    }

    /** One data set's summary, with its latest version. */
    public DataSet dataSet(String dataSetId) {
        return read(getJson("data-sets/" + id(dataSetId)), DataSet.class);
    }

    /** Every version of a data set, as the API lists them (latest first). */
    public List<DataSetVersion> versions(String dataSetId) {
        return pages("data-sets/" + id(dataSetId) + "/versions?", DataSetVersion.class);
    }

    /** One version's summary ({@code 2.*} asks for the latest 2.x). */
    public DataSetVersion version(String dataSetId, String version) {
        return read(getJson(versionPath(dataSetId, version)), DataSetVersion.class);
    }

    /** What a version changed from the one before it. */
    public VersionChanges changes(String dataSetId, String version) {
        return read(getJson(versionPath(dataSetId, version) + "/changes"), VersionChanges.class);
    }

    /** A version's metadata as the API sent it (kept in the cache as it came). */
    public String metaJson(String dataSetId, String version) {
        return getJson("data-sets/" + id(dataSetId) + "/meta?dataSetVersion=" + encode(version));
    }

    /** A version's metadata. */
    public DataSetMeta meta(String dataSetId, String version) {
        return parseMeta(metaJson(dataSetId, version));
    }

    /** Reads metadata JSON (from the API or the cache). */
    public static DataSetMeta parseMeta(String json) {
        return read(json, DataSetMeta.class);
    }

    /** Reads a version summary's JSON (from the API or the cache). */
    public static DataSetVersion parseVersion(String json) {
        return read(json, DataSetVersion.class);
    }

    /** Reads a data set summary's JSON (from the API or the cache). */
    public static DataSet parseDataSet(String json) {
        return read(json, DataSet.class);
    }

    /** A value as JSON, for the cache. */
    public static String json(Object value) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Downloads a version's CSV into {@code target}, verified as complete: every byte the server
     * announced, an undamaged gzip stream, a header, whole rows of the header's width and as many
     * as the version says it has ({@code expectedRows}, unchecked when 0).
     */
    public CsvDownload.Verified downloadCsv(String dataSetId, String version, long expectedRows, Path target) {
        URI uri = resolve("data-sets/" + id(dataSetId) + "/csv?dataSetVersion=" + encode(version));
        HttpResponse<InputStream> r = send(uri, "text/csv", HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = r.body()) {
            return CsvDownload.save(uri, body, r.headers().firstValue("Content-Encoding").orElse(""),
                    r.headers().firstValueAsLong("Content-Length"), expectedRows, target);
        } catch (IOException e) {
            throw new EesException(uri + ": download broke off: " + e.getMessage(), e);
        }
    }

    private String versionPath(String dataSetId, String version) {
        if (version == null || !version.strip().matches("[0-9*]{1,6}(\\.[0-9*]{1,6}){0,3}")) {
            throw new EesException("'" + version + "' is not a data set version (expected e.g. 1.0, 2.1 or 2.*)");
        }
        return "data-sets/" + id(dataSetId) + "/versions/" + version.strip();
    }

    /** An id as the API writes them (a GUID, or a short public id); anything else never reaches a URL. */
    private static String id(String id) {
        if (id == null || !id.strip().matches("[A-Za-z0-9-]{1,64}")) {
            throw new EesException("'" + id + "' is not an EES id (expected something like 7588c2d6-9e8a-4d84-8f19-6b8d52a01fbd)");
        }
        return id.strip();
    }

    private <T> List<T> pages(String pathAndQuery, Class<T> type) {
        List<T> all = new ArrayList<>();
        JavaType listType = JSON.getTypeFactory().constructCollectionType(List.class, type);
        for (int page = 1; page <= MAX_PAGES; page++) {
            JsonNode n = tree(getJson(pathAndQuery + "page=" + page + "&pageSize=" + PAGE_SIZE));
            JsonNode results = n.isArray() ? n : n.path("results");
            all.addAll(JSON.convertValue(results, listType));
            JsonNode paging = n.path("paging");
            int totalPages = paging.path("totalPages").asInt(1);
            if (n.isArray() || page >= totalPages || results.isEmpty()) return all;
        }
        throw new EesException(resolve(pathAndQuery) + ": more than " + MAX_PAGES + " pages; narrow the search");
    }

    private String getJson(String pathAndQuery) {
        return send(resolve(pathAndQuery), "application/json", HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
    }

    private URI resolve(String pathAndQuery) {
        return base.resolve(pathAndQuery);
    }

    /**
     * Sends a GET, trying again on 429, 5xx, a timeout or a dropped connection; returns a 200
     * response or throws, naming the address and what went wrong the last time.
     */
    private <T> HttpResponse<T> send(URI uri, String accept, HttpResponse.BodyHandler<T> handler) {
        HttpRequest request = HttpRequest.newBuilder(uri).GET().timeout(settings.timeout())
                .header("User-Agent", settings.userAgent()).header("Accept", accept)
                .header("Accept-Encoding", accept.equals("text/csv") ? "gzip" : "identity").build();
        String last = null;
        for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
            Duration wait = backOff(attempt);
            try {
                HttpResponse<T> r = http.send(request, handler);
                int status = r.statusCode();
                if (status == 200) return r;
                String problem = problem(r);
                if (r.body() instanceof InputStream in) in.close();
                if (status == 429 || status >= 500) {
                    last = "HTTP " + status + problem;
                    Optional<Duration> asked = retryAfter(r);
                    if (asked.isPresent()) {
                        if (asked.get().compareTo(settings.longestWait()) > 0) {
                            throw new EesException(uri + ": HTTP " + status + ", asked to wait " + asked.get().toSeconds()
                                    + " s (Retry-After), longer than " + settings.longestWait().toSeconds() + " s; try later");
                        }
                        wait = asked.get();
                    }
                } else if (status == 404) {
                    throw new EesException(uri + ": not found (HTTP 404" + problem + "): check the id and version");
                } else {
                    throw new EesException(uri + ": refused (HTTP " + status + problem + ")");
                }
            } catch (HttpTimeoutException e) {
                last = "no answer within " + settings.timeout().toMillis() + " ms";
            } catch (ConnectException e) {
                last = "cannot connect" + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
            } catch (IOException e) {
                last = "connection failed (" + e + ")";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EesException(uri + ": interrupted", e);
            }
            if (attempt < settings.attempts()) {
                try {
                    pause.pause(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new EesException(uri + ": interrupted", e);
                }
            }
        }
        throw new EesException(uri + ": " + last + " (" + settings.attempts() + " attempts)");
    }

    private Duration backOff(int attempt) {
        return settings.firstBackOff().multipliedBy(1L << Math.min(attempt - 1, 10));
    }

    /** Retry-After as seconds ({@code 1}) or an HTTP date; a date in the past waits nothing. */
    static Optional<Duration> retryAfter(HttpResponse<?> r) {
        Optional<String> h = r.headers().firstValue("Retry-After").map(String::strip);
        if (h.isEmpty()) return Optional.empty();
        String v = h.get();
        if (v.matches("\\d{1,9}")) return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        try {
            Duration d = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The title of a problem-details body, when the server sent one. */
    private static String problem(HttpResponse<?> r) {
        if (!(r.body() instanceof String s) || s.isBlank()) return "";
        try {
            JsonNode n = JSON.readTree(s);
            String title = n.path("title").asText("");
            return title.isBlank() ? "" : ": " + title;
        } catch (IOException e) {
            return "";
        }
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new EesException("the API sent something that is not JSON: " + e.getMessage(), e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (IOException e) {
            throw new EesException("the API sent JSON that is not a " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
