package parkgrid.api;

import io.javalin.http.Context;
import java.io.IOException;
import parkgrid.process.CoverageAnswer;
import parkgrid.process.FeatureHits;
import parkgrid.process.ProcessResult;
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
        } else if (result instanceof SitingAnswer s) {
            SitingResponse.write(ctx, s);
        } else {
            throw new IllegalStateException("no response writer for " + result.getClass().getName());
        }
    }
}
