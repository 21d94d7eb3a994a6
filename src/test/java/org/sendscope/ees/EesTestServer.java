package org.sendscope.ees;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * A small EES public API on 127.0.0.1 for the tests, answering as the published OpenAPI document's
 * schemas describe (paged lists with {@code results} and {@code paging}, problem details on 404,
 * the CSV gzip-encoded), from the hand-made fixtures in {@code src/test/resources/org/sendscope/ees}:
 * one data set ({@link #DATA_SET}) with versions 1.0 and 2.0, and data sets that misbehave — one
 * answering 429 with {@code Retry-After: 1} before it answers, one answering 503 twice first, one too slow for any timeout, one whose
 * CSV is cut short mid-row, one whose gzip stream is cut short.
 */
public final class EesTestServer implements AutoCloseable {
    public static final String PUBLICATION = "f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f9";
    public static final String DATA_SET = "6b2c1f3e-8d4a-4f0b-9c1e-2a7d5e9f0a11";
    public static final String RATE_LIMITED = "a4290000-0000-4000-8000-000000000429";
    public static final String FLAKY = "50300000-0000-4000-8000-000000000503";
    public static final String SLOW = "51000000-0000-4000-8000-000000000510";
    public static final String CUT_CSV = "c5700000-0000-4000-8000-0000000000c5";
    public static final String CUT_GZIP = "9a100000-0000-4000-8000-0000000000a1";
    /** The largest page the server gives, small so that the client must page through publications. */
    static final int MAX_PAGE_SIZE = 2;

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    /** Every request: path and query, and the User-Agent it came with. */
    public final List<String[]> requests = new CopyOnWriteArrayList<>();
    private volatile List<String> published = List.of("1.0", "2.0");

    public EesTestServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/v1/", this::handle);
        server.start();
    }

    /** The API's base URL, as {@code --base-url} takes it. */
    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/");
    }

    /** Which versions of {@link #DATA_SET} are published (both by default; the latest last). */
    public void publish(String... versions) {
        published = List.of(versions);
    }

    /** How many requests a path has had. */
    public int hits(String path) {
        return hits.getOrDefault(path, new AtomicInteger()).get();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            String path = x.getRequestURI().getPath().substring("/v1/".length());
            Map<String, String> q = query(x.getRequestURI().getRawQuery());
            requests.add(new String[] {x.getRequestURI().toString(), x.getRequestHeaders().getFirst("User-Agent")});
            int n = hits.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
            String[] p = path.split("/");
            if (path.equals("publications")) {
                String s = q.getOrDefault("search", "").toLowerCase(Locale.ROOT);
                List<JsonNode> found = new ArrayList<>();
                for (JsonNode pub : tree("publications.json")) {
                    String text = (pub.path("title").asText() + " " + pub.path("summary").asText()).toLowerCase(Locale.ROOT);
                    if (Arrays.stream(s.split("\\s+")).allMatch(text::contains)) found.add(pub);
                }
                json(x, 200, page(found, q));
            } else if (p.length == 3 && p[0].equals("publications") && p[2].equals("data-sets")) {
                json(x, 200, page(p[1].equals(PUBLICATION) ? List.of(dataSet(DATA_SET)) : List.of(), q));
            } else if (p.length >= 2 && p[0].equals("data-sets")) {
                dataSetRoute(x, p, q, n);
            } else {
                notFound(x);
            }
        } catch (RuntimeException e) {
            json(x, 500, JSON.createObjectNode().put("title", "test server: " + e));
        }
    }

    private void dataSetRoute(HttpExchange x, String[] p, Map<String, String> q, int hit) throws IOException {
        String id = p[1];
        if (!List.of(DATA_SET, RATE_LIMITED, FLAKY, SLOW, CUT_CSV, CUT_GZIP).contains(id)) {
            notFound(x);
            return;
        }
        if (id.equals(RATE_LIMITED) && hit == 1) {
            x.getResponseHeaders().add("Retry-After", "1");
            json(x, 429, JSON.createObjectNode().put("title", "Too many requests"));
            return;
        }
        if (id.equals(FLAKY) && hit <= 2) {
            json(x, 503, JSON.createObjectNode().put("title", "Service Unavailable"));
            return;
        }
        if (id.equals(SLOW)) {
            try {
                // answers only when the test is over: past any timeout the client sets
                closing.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        List<String> versions = id.equals(DATA_SET) ? published : List.of("1.0");
        if (p.length >= 4 && p[3].endsWith(".*")) {
            // a wildcard version is the latest published of its series
            String series = p[3].substring(0, p[3].length() - 1);
            p[3] = versions.stream().filter(v -> v.startsWith(series)).reduce((a, b) -> b).orElse(p[3]);
        }
        if (p.length == 2) {
            json(x, 200, dataSet(id));
        } else if (p[2].equals("versions") && p.length == 3) {
            List<JsonNode> vs = new ArrayList<>();
            for (int i = versions.size() - 1; i >= 0; i--) vs.add(tree("version-" + versions.get(i) + ".json"));
            json(x, 200, page(vs, q));
        } else if (p[2].equals("versions") && versions.contains(p[3]) && p.length == 4) {
            json(x, 200, tree("version-" + p[3] + ".json"));
        } else if (p[2].equals("versions") && versions.contains(p[3]) && p.length == 5 && p[4].equals("changes")) {
            json(x, 200, tree("changes-" + p[3] + ".json"));
        } else if (p[2].equals("meta") && versions.contains(q.getOrDefault("dataSetVersion", versions.get(versions.size() - 1)))) {
            json(x, 200, tree("meta-" + q.getOrDefault("dataSetVersion", versions.get(versions.size() - 1)) + ".json"));
        } else if (p[2].equals("csv") && versions.contains(q.getOrDefault("dataSetVersion", versions.get(versions.size() - 1)))) {
            byte[] csv = bytes("data-" + q.getOrDefault("dataSetVersion", versions.get(versions.size() - 1)) + ".csv");
            if (id.equals(CUT_CSV)) csv = Arrays.copyOf(csv, indexOfNth(csv, '\n', 4) + 40);
            byte[] gz = gzip(csv);
            if (id.equals(CUT_GZIP)) gz = Arrays.copyOf(gz, gz.length / 2);
            x.getResponseHeaders().add("Content-Type", "text/csv");
            x.getResponseHeaders().add("Content-Encoding", "gzip");
            x.sendResponseHeaders(200, id.equals(CUT_GZIP) ? 0 : gz.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(gz);
            }
        } else {
            notFound(x);
        }
    }

    /** The data set's summary, its latest version taken from the latest published version's own summary. */
    private JsonNode dataSet(String id) {
        ObjectNode d = (ObjectNode) tree("data-set.json");
        d.put("id", id);
        List<String> versions = id.equals(DATA_SET) ? published : List.of("1.0");
        JsonNode v = tree("version-" + versions.get(versions.size() - 1) + ".json");
        ObjectNode latest = JSON.createObjectNode();
        for (String f : List.of("version", "published", "totalResults", "timePeriods", "geographicLevels", "filters", "indicators")) {
            latest.set(f, v.get(f));
        }
        d.set("latestVersion", latest);
        return d;
    }

    private static ObjectNode page(List<JsonNode> all, Map<String, String> q) {
        int page = Integer.parseInt(q.getOrDefault("page", "1"));
        int size = Math.min(MAX_PAGE_SIZE, Integer.parseInt(q.getOrDefault("pageSize", "20")));
        ArrayNode results = JSON.createArrayNode();
        all.stream().skip((long) (page - 1) * size).limit(size).forEach(results::add);
        ObjectNode o = JSON.createObjectNode();
        o.set("results", results);
        o.putObject("paging").put("page", page).put("pageSize", size).put("totalResults", all.size())
                .put("totalPages", all.isEmpty() ? 1 : (all.size() - 1) / size + 1);
        return o;
    }

    private static void notFound(HttpExchange x) throws IOException {
        json(x, 404, JSON.createObjectNode().put("title", "Not Found").put("status", 404)
                .put("type", "https://tools.ietf.org/html/rfc9110#section-15.5.5"));
    }

    private static void json(HttpExchange x, int status, JsonNode body) throws IOException {
        byte[] b = JSON.writeValueAsBytes(body);
        x.getResponseHeaders().add("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        x.sendResponseHeaders(status, b.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(b);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> m = new HashMap<>();
        if (raw == null) return m;
        for (String kv : raw.split("&")) {
            int i = kv.indexOf('=');
            if (i > 0) m.put(kv.substring(0, i), URLDecoder.decode(kv.substring(i + 1), StandardCharsets.UTF_8));
        }
        return m;
    }

    static JsonNode tree(String resource) {
        try {
            return JSON.readTree(bytes(resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(String resource) {
        try (InputStream in = EesTestServer.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("no fixture " + resource);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(out)) {
            g.write(b);
        }
        return out.toByteArray();
    }

    private static int indexOfNth(byte[] b, char c, int n) {
        for (int i = 0, seen = 0; i < b.length; i++) if (b[i] == c && ++seen == n) return i;
        return b.length;
    }
}
