package parkgrid.api;

import io.javalin.http.Context;
import java.io.IOException;
import parkgrid.process.CoverageAnswer;
import parkgrid.process.FacilityLocationAnswer;
import parkgrid.process.FeatureHits;
import parkgrid.process.ProcessResult;
import parkgrid.process.ReportFile;
import parkgrid.process.SitingAnswer;
import parkgrid.process.SupplyRadiusAnswer;

/** Writes a process's answer with the response writer of its kind. */
final class ProcessResultWriter {
    private ProcessResultWriter() {}

    static void write(Context ctx, ProcessResult result) throws IOException {
        if (result instanceof FeatureHits hits) {
            SpatialQueryHandler.write(ctx, ItemsRequest.crs(ctx, "crs"), hits.hits(), hits.summary(), true);
        } else if (result instanceof CoverageAnswer c) {
            CoverageResponse.write(ctx, c.demands(), c.result(), c.areasOmitted());
        } else if (result instanceof SupplyRadiusAnswer s) {
            CoverageResponse.writeSupplyRadius(ctx, s.results(), s.sources(), s.voltageKv(), s.network());
        } else if (result instanceof ReportFile file) {
            if (!Utf8ContentType.isText(file.mediaType())) ctx.res().setCharacterEncoding(null); // a PDF has no charset
            ctx.contentType(file.mediaType());
            if (file.fileName() != null) ctx.header("Content-Disposition", contentDisposition(file.fileName()));
            ctx.result(file.body());
        } else if (result instanceof FacilityLocationAnswer f) {
            FacilityLocationResponse.write(ctx, f);
        } else if (result instanceof SitingAnswer s) {
            SitingResponse.write(ctx, s);
        } else {
            throw new IllegalStateException("no response writer for " + result.getClass().getName());
        }
    }

    /**
     * {@code attachment} with an ASCII {@code filename} for old clients and the real name as RFC 5987
     * {@code filename*=UTF-8''…} (RFC 6266 §4.3), e.g. for {@code 选址合规审查报告.pdf}.
     */
    static String contentDisposition(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String ext = dot < 0 ? "" : fileName.substring(dot);
        String ascii = fileName.chars().allMatch(c -> c >= 0x20 && c < 0x7F && c != '"' && c != '\\') ? fileName : "report" + ext.replaceAll("[^A-Za-z0-9.]", "");
        StringBuilder enc = new StringBuilder();
        for (byte b : fileName.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) enc.append((char) c);
            else enc.append('%').append(String.format("%02X", c));
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + enc;
    }
}
