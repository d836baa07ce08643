package parkgrid.api;

import io.javalin.http.Context;
import io.javalin.http.Header;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import parkgrid.feature.ParkGridException;
import parkgrid.imports.ImportJob;
import parkgrid.imports.ImportJobs;
import parkgrid.imports.ImportReport;
import parkgrid.imports.ImportRequest;
import parkgrid.imports.UploadSpool;
import parkgrid.store.ImportJobStore;

/**
 * {@code POST /imports} (the body is the file) and {@code GET /imports/{importId}} (progress, from the job's row in the
 * store: any instance answers). I/O only: the pipeline is {@link parkgrid.imports.Importer}, the jobs
 * {@link parkgrid.imports.ImportJobs}.
 */
final class ImportHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ImportHandler.class);
    private final ImportJobs jobs;

    ImportHandler(ImportJobs jobs) {
        this.jobs = jobs;
    }

    void post(Context ctx) throws IOException {
        ImportRequest request = request(ctx);
        long limit = jobs.importer().limits().maxUploadBytes();
        if (ctx.req().getContentLengthLong() > limit) throw UploadSpool.tooLarge(limit);
        Path file = UploadSpool.spool(ctx.req().getInputStream(), request.fileName(), limit);
        ImportJob job;
        try {
            job = jobs.register(request, Caller.of(ctx).name());
        } catch (RuntimeException e) {
            java.nio.file.Files.deleteIfExists(file);
            throw e;
        }
        ctx.header(Header.LOCATION, "/imports/" + job.id());
        String prefer = ctx.header("Prefer");
        if (prefer != null && prefer.toLowerCase(java.util.Locale.ROOT).contains("respond-async")) {
            jobs.runLater(job, file);
            ctx.header("Preference-Applied", "respond-async");
            ctx.status(202).contentType(OgcVocabulary.JSON).result(Responses.JSON.writeValueAsString(status(find(job.id()))));
            return;
        }
        ImportReport report = jobs.run(job, file);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", job.id());
        body.putAll(report.json());
        ctx.status(request.dryRun() ? 200 : 201).contentType(OgcVocabulary.JSON).result(Responses.JSON.writeValueAsString(body));
    }

    void get(Context ctx) throws IOException {
        ctx.contentType(OgcVocabulary.JSON).result(Responses.JSON.writeValueAsString(status(find(ctx.pathParam("importId")))));
    }

    private ImportJobStore.Job find(String id) {
        return jobs.find(id).orElseThrow(() -> ParkGridException.notFound("importId",
                "no import '" + id + "' (finished imports are kept for " + jobs.importer().limits().jobsKeptFor().toHours()
                        + " h, PARKGRID_IMPORT_JOBS_KEPT_HOURS)"));
    }

    /** What a progress bar polls: the job's row, whichever instance runs it. */
    private static Map<String, Object> status(ImportJobStore.Job job) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", job.id());
        m.put("state", job.phase());
        m.put("status", job.status().apiName());
        m.put("layer", job.layer());
        m.put("mode", job.mode());
        m.put("dry_run", job.dryRun());
        m.put("who", job.who());
        m.put("features_read", job.featuresRead());
        m.put("features_total", job.featuresTotal());
        m.put("features_written", job.featuresWritten());
        m.put("created", String.valueOf(job.createdAt()));
        m.put("started", job.startedAt() == null ? null : job.startedAt().toString());
        m.put("heartbeat", String.valueOf(job.heartbeatAt()));
        m.put("finished", job.finishedAt() == null ? null : job.finishedAt().toString());
        if (job.report() != null) m.put("report", Responses.JSON.readTree(job.report()));
        if (job.problem() != null) m.put("problem", Responses.JSON.readTree(job.problem()));
        return m;
    }

    /** A failed import as its job keeps it: the problem+json members the client would have got. */
    static Map<String, Object> problem(RuntimeException failure) {
        Map<String, Object> problem = new LinkedHashMap<>();
        if (failure instanceof ParkGridException p) {
            ProblemMapper.Kind kind = ProblemMapper.kindOf(p);
            problem.put("status", kind.status());
            problem.put("title", kind.title());
            problem.put("detail", p.detail());
            if (p.parameter() != null) problem.put("parameter", p.parameter());
            problem.putAll(p.members());
        } else {
            LOG.error("import failed", failure);
            problem.put("status", 500);
            problem.put("title", "Internal server error");
            problem.put("detail", "the import failed; it has been logged");
        }
        return problem;
    }

    private static ImportRequest request(Context ctx) {
        String layer = ctx.queryParam("layer");
        if (layer == null || layer.isBlank()) throw ParkGridException.invalidParameter("layer", "name the layer to create or append to: layer=…");
        if (!parkgrid.feature.Identifiers.isValid(layer)) {
            throw ParkGridException.invalidParameter("layer", "layer '" + layer + "' must match [a-z][a-z0-9_]{0,62}");
        }
        String mode = ctx.queryParamAsClass("mode", String.class).getOrDefault("create");
        if (!mode.equals("create") && !mode.equals("append")) {
            throw ParkGridException.invalidParameter("mode", "mode must be create or append, got '" + mode + "'");
        }
        Map<String, String> extra = new LinkedHashMap<>();
        return new ImportRequest(layer, mode.equals("append"), ctx.queryParam("format"), ctx.queryParam("filename"),
                ctx.queryParam("crs"), integer(ctx, "zone"), number(ctx, "cm"), bool(ctx, "dry_run"), charset(ctx.queryParam("charset")), extra);
    }

    private static Integer integer(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return null;
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw ParkGridException.invalidParameter(name, name + " must be an integer, got '" + v + "'");
        }
    }

    private static Double number(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return null;
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw ParkGridException.invalidParameter(name, name + " must be a number, got '" + v + "'");
        }
    }

    private static boolean bool(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank() || v.equals("false")) return false;
        if (v.equals("true")) return true;
        throw ParkGridException.invalidParameter(name, name + " must be true or false, got '" + v + "'");
    }

    private static Charset charset(String name) {
        if (name == null || name.isBlank()) return null;
        try {
            return Charset.forName(name.trim());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw ParkGridException.invalidParameter("charset", "charset '" + name + "' is not known (e.g. UTF-8, GBK)");
        }
    }
}
