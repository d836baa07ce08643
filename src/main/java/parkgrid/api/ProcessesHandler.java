package parkgrid.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.List;
import parkgrid.feature.ParkGridException;
import parkgrid.process.ProcessDeclaration;

/**
 * {@code /processes} and {@code /processes/{id}}: the analyses ParkGrid runs, as OGC API – Processes
 * descriptions generated from their {@link ProcessDeclaration}s (synchronous execution, JSON inputs,
 * GeoJSON output).
 */
final class ProcessesHandler {
    private final List<ProcessDeclaration> processes;

    ProcessesHandler(List<ProcessDeclaration> processes) {
        this.processes = List.copyOf(processes);
    }

    void list(Context ctx) {
        Links links = new Links(ctx);
        ObjectNode doc = Responses.JSON.createObjectNode();
        ArrayNode ps = doc.putArray("processes");
        processes.forEach(p -> ps.add(summary(p, links)));
        ArrayNode l = doc.putArray("links");
        Links.add(l, links.url("/processes"), OgcVocabulary.REL_SELF, OgcVocabulary.JSON, "Processes");
        Links.add(l, links.url("/processes?f=html"), OgcVocabulary.REL_ALTERNATE, OgcVocabulary.HTML, "Processes as HTML");
        Responses.write(ctx, ResponseFormat.of(ctx), "Processes", doc, OgcVocabulary.JSON);
    }

    void one(Context ctx) {
        String id = ctx.pathParam("processId");
        ProcessDeclaration p = processes.stream().filter(d -> d.id().equals(id)).findFirst()
                .orElseThrow(() -> ParkGridException.notFound("processId", "no process named '" + id + "'"));
        ObjectNode doc = summary(p, new Links(ctx));
        ObjectNode inputs = doc.putObject("inputs");
        p.inputs().forEach(in -> inputs.set(in.name(), in.processDescription()));
        doc.putObject("outputs").putObject("result").put("title", "result").put("description", p.output())
                .putObject("schema").put("type", "object").put("contentMediaType", OgcVocabulary.GEOJSON);
        Responses.write(ctx, ResponseFormat.of(ctx), p.title(), doc, OgcVocabulary.JSON);
    }

    private static ObjectNode summary(ProcessDeclaration p, Links links) {
        ObjectNode s = Responses.JSON.createObjectNode();
        s.put("id", p.id()).put("title", p.title()).put("description", p.description()).put("version", "1.0.0");
        s.putArray("jobControlOptions").add("sync-execute");
        s.putArray("outputTransmission").add("value");
        ArrayNode l = s.putArray("links");
        Links.add(l, links.url("/processes/" + p.id()), OgcVocabulary.REL_SELF, OgcVocabulary.JSON, p.title());
        Links.add(l, links.url(p.executionPath()), OgcVocabulary.REL_EXECUTE, OgcVocabulary.JSON, "Execute (POST)");
        return s;
    }
}
