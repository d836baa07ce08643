package parkgrid.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import parkgrid.analysis.CoverageAnalysis;
import parkgrid.analysis.CoverageOptions;
import parkgrid.analysis.RadiusPolicy;
import parkgrid.analysis.SupplyRadiusRules;
import parkgrid.feature.Feature;
import parkgrid.store.FeatureQuery;
import parkgrid.store.FeatureStore;

/**
 * Coverage step: {@code POST /processes/coverage/execution} with the 2 000 {@code suppliers} and the
 * 50 000 {@code villages} (Euclidean, and along the 200 000 {@code lines}) against a server JVM limited to
 * {@code -Xmx1g}, plus the same analyses in-process on pre-loaded features ("analysis only") and the time
 * to read the layers from each store in-process.
 */
final class CoverageBench {
    static final String HEAP = "-Xmx1g";
    static final ObjectMapper JSON = new ObjectMapper();

    /** One request variant; {@code analysis} builds the equivalent in-process analysis from pre-loaded features. */
    record Variant(String key, String label, String inputs, boolean network, boolean areas, AnalysisFactory analysis) {}

    interface AnalysisFactory {
        CoverageAnalysis create(List<Feature> suppliers, List<Feature> demands, List<Feature> lines);
    }

    /** Answer of one request. */
    record Answer(int status, double seconds, double firstByteSeconds, long bytes, long features, long coveredCount,
                  double coveredShare, long uncovered, long areaFeatures, String omitted, String problem) {}

    static List<Variant> variants(double radius) {
        String base = "\"supply\":\"suppliers\",\"demand\":\"villages\",";
        String constant = "\"radius\":{\"type\":\"constant\",\"metres\":" + fmtM(radius) + "}";
        List<Variant> v = new ArrayList<>();
        v.add(new Variant("euclid", "euclidean, constant " + fmtM(radius) + " m, include_areas false", "{" + base + constant
                + ",\"mode\":\"euclidean\",\"include_areas\":false}", false, false,
                (s, d, l) -> new CoverageAnalysis(s, d, RadiusPolicy.constant(radius), opts(CoverageOptions.euclidean()))));
        v.add(new Variant("euclid+areas", "euclidean, constant " + fmtM(radius) + " m, include_areas true", "{" + base + constant
                + ",\"mode\":\"euclidean\",\"include_areas\":true}", false, true,
                (s, d, l) -> new CoverageAnalysis(s, d, RadiusPolicy.constant(radius), opts(CoverageOptions.euclidean()))));
        v.add(new Variant("rule 0.4kV", "euclidean, DL/T 5729 at 0.4 kV by village supply_class (C 400 m, D 500 m), include_areas false",
                "{" + base + "\"radius\":{\"type\":\"rule\",\"rules\":\"dlt5729\",\"voltage_kv\":0.4,\"class_property\":\"supply_class\"}"
                        + ",\"mode\":\"euclidean\",\"include_areas\":false}", false, false,
                (s, d, l) -> new CoverageAnalysis(s, d, RadiusPolicy.byDemandClass(SupplyRadiusRules.dlt5729(), "supply_class", 0.4),
                        opts(CoverageOptions.euclidean()))));
        v.add(new Variant("radius_m", "euclidean, per supplier from property radius_m, include_areas false",
                "{" + base + "\"radius\":{\"type\":\"property\",\"property\":\"radius_m\"},\"mode\":\"euclidean\",\"include_areas\":false}",
                false, false,
                (s, d, l) -> new CoverageAnalysis(s, d, RadiusPolicy.supplierProperty("radius_m"), opts(CoverageOptions.euclidean()))));
        v.add(new Variant("network", "network along lines, constant " + fmtM(radius) + " m, include_areas false", "{" + base + constant
                + ",\"mode\":\"network\",\"network\":\"lines\",\"include_areas\":false}", true, false,
                (s, d, l) -> new CoverageAnalysis(s, d, RadiusPolicy.constant(radius), opts(CoverageOptions.network(l)))));
        return v;
    }

    /** What the handler adds: population property, supplier noun (no time limit in-process). */
    private static CoverageOptions opts(CoverageOptions o) {
        return o.withPopulationProperty(CoverageOptions.DEFAULT_POPULATION_PROPERTY).withSupplierNoun("supplier");
    }

    // ---------------------------------------------------------------- HTTP

    static Answer post(HttpClient http, String baseUrl, String inputs, Duration timeout) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(baseUrl + "/processes/coverage/execution")).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"inputs\":" + inputs + "}", StandardCharsets.UTF_8)).build();
        long t0 = System.nanoTime();
        HttpResponse<java.io.InputStream> resp = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
        double firstByte = (System.nanoTime() - t0) / 1e9;
        byte[] body;
        try (java.io.InputStream in = resp.body()) {
            body = in.readAllBytes();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (resp.statusCode() != 200) {
            String text = new String(body, 0, Math.min(body.length, 400), StandardCharsets.UTF_8).replace('\n', ' ');
            return new Answer(resp.statusCode(), seconds, firstByte, body.length, -1, -1, Double.NaN, -1, -1, null, text);
        }
        return parse(body, resp.statusCode(), seconds, firstByte);
    }

    /** Streams through the answer: counts features, uncovered ids and area features; reads the summary. */
    private static Answer parse(byte[] body, int status, double seconds, double firstByte) throws IOException {
        long features = 0, uncovered = 0, areaFeatures = 0;
        JsonNode summary = null;
        try (JsonParser p = JSON.getFactory().createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new IOException("answer is not a JSON object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                switch (name) {
                    case "features" -> features = countArray(p);
                    case "summary" -> summary = p.readValueAsTree();
                    case "uncovered" -> uncovered = countArray(p);
                    case "coverage_area" -> {
                        JsonNode fc = p.readValueAsTree();
                        areaFeatures = fc.path("features").size();
                    }
                    default -> { if (t.isStructStart()) p.skipChildren(); }
                }
            }
        }
        if (summary == null) {
            return new Answer(status, seconds, firstByte, body.length, features, -1, Double.NaN, uncovered, areaFeatures, null,
                    "no summary in the answer");
        }
        return new Answer(status, seconds, firstByte, body.length, features, summary.path("covered_count").asLong(-1),
                summary.path("covered_share").asDouble(Double.NaN), uncovered, areaFeatures,
                summary.hasNonNull("coverage_area_omitted") ? summary.get("coverage_area_omitted").asText() : null, null);
    }

    private static long countArray(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            if (p.currentToken().isStructStart()) p.skipChildren();
            return -1;
        }
        long n = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t.isStructStart()) p.skipChildren();
            n++;
        }
        return n;
    }

    // ---------------------------------------------------------------- in-process

    /** Seconds to read each layer fully from the store ({@code forEach} into a list), median of {@code runs} after one warm-up. */
    static double[] readSeconds(Supplier<FeatureStore> open, List<String> layers, int runs) throws IOException {
        FeatureStore store = open.get();
        try {
            double[] median = new double[layers.size()];
            for (int i = 0; i < layers.size(); i++) {
                List<Double> t = new ArrayList<>();
                for (int r = 0; r <= runs; r++) {
                    List<Feature> sink = new ArrayList<>();
                    long t0 = System.nanoTime();
                    store.forEach(layers.get(i), FeatureQuery.all(), sink::add);
                    if (r > 0) t.add((System.nanoTime() - t0) / 1e9);
                }
                median[i] = median(t);
            }
            return median;
        } finally {
            store.close();
        }
    }

    /** In-process result of one variant: median seconds, min, max, allocated MB of one run, covered count. */
    record Local(double medianSeconds, double minSeconds, double maxSeconds, double allocatedMb, int covered, double share,
                 int areas, int runs) {}

    static Local analyse(Variant v, List<Feature> suppliers, List<Feature> demands, List<Feature> lines, int warm, int runs) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        List<Double> t = new ArrayList<>();
        double allocated = 0;
        int covered = -1, areas = -1;
        double share = Double.NaN;
        for (int r = 0; r < warm + runs; r++) {
            long a0 = threads.getThreadAllocatedBytes(tid);
            long t0 = System.nanoTime();
            CoverageAnalysis a = v.analysis().create(suppliers, demands, lines);
            a.compute();
            if (v.areas()) areas = a.getCoveredAreas().size();
            double s = (System.nanoTime() - t0) / 1e9;
            long a1 = threads.getThreadAllocatedBytes(tid);
            covered = a.getSummary().coveredCount();
            share = a.getSummary().coveredShare();
            if (r >= warm) {
                t.add(s);
                allocated = Math.max(allocated, (a1 - a0) / 1e6);
            }
        }
        return new Local(median(t), t.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
                t.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN), allocated, covered, share, areas, runs);
    }

    // ---------------------------------------------------------------- helpers

    static double median(List<Double> v) {
        if (v.isEmpty()) return Double.NaN;
        List<Double> s = v.stream().sorted().toList();
        return s.size() % 2 == 1 ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
    }

    static String fmtM(double m) {
        return m == Math.rint(m) ? Long.toString((long) m) : Double.toString(m);
    }

    /** The environment for a server JVM on the given store. */
    static Map<String, String> gpkgEnv(Path gpkg) {
        return Map.of("PARKGRID_GPKG", gpkg.toString());
    }

    static String tail(Path log, int chars) {
        try {
            String s = Files.readString(log);
            return s.substring(Math.max(0, s.length() - chars)).replace('\n', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    static String pct(double share) {
        return Double.isNaN(share) ? "?" : String.format(Locale.ROOT, "%.1f %%", share * 100);
    }
}
