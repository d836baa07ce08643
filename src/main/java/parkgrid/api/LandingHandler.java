package parkgrid.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import parkgrid.store.FeatureStore;

/** {@code /} and {@code /conformance}. In a browser the landing page is the map. */
final class LandingHandler {
    private final FeatureStore store;
    private final byte[] mapPage;

    LandingHandler(FeatureStore store) {
        this.store = store;
        try (InputStream in = LandingHandler.class.getResourceAsStream("/static/index.html")) {
            if (in == null) throw new IllegalStateException("static/index.html is missing from the classpath");
            this.mapPage = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void landing(Context ctx) {
        if (ResponseFormat.of(ctx) == ResponseFormat.HTML) {
            ctx.contentType(OgcVocabulary.HTML + "; charset=utf-8").result(mapPage);
            return;
        }
        Links links = new Links(ctx);
        ObjectNode doc = Responses.JSON.createObjectNode();
        doc.put("title", "ParkGrid – Ruyang green building materials park and power grid");
        doc.put("description", "Layers of the Ruyang (Luoyang, Henan) green-building-materials park, villages and the "
                + "110 kV / 10 kV / 400 V grid as OGC API – Features. Positions are approximate.");
        doc.put("store", store.kind());
        ArrayNode l = doc.putArray("links");
        Links.add(l, links.url("/"), OgcVocabulary.REL_SELF, OgcVocabulary.JSON, "This document");
        Links.add(l, links.url("/?f=html"), OgcVocabulary.REL_ALTERNATE, OgcVocabulary.HTML, "The map");
        // The one JSON link that names its format: OpenAPI parsers (the OGC suite's among them) fetch it with
        // their platform's default Accept, which for Java lists text/html first and would get the HTML page.
        Links.add(l, links.url("/api?f=json"), OgcVocabulary.REL_SERVICE_DESC, OgcVocabulary.OPENAPI_JSON, "OpenAPI 3.0 definition");
        Links.add(l, links.url("/api?f=html"), OgcVocabulary.REL_SERVICE_DOC, OgcVocabulary.HTML, "API documentation");
        Links.add(l, links.url("/conformance"), OgcVocabulary.REL_CONFORMANCE, OgcVocabulary.JSON, "Conformance classes");
        Links.add(l, links.url("/collections"), OgcVocabulary.REL_DATA, OgcVocabulary.JSON, "Layers");
        Responses.write(ctx, ResponseFormat.JSON, "ParkGrid", doc, OgcVocabulary.JSON);
    }

    void conformance(Context ctx) {
        ObjectNode doc = Responses.JSON.createObjectNode();
        ArrayNode c = doc.putArray("conformsTo");
        OgcVocabulary.CONFORMANCE.forEach(c::add);
        Responses.write(ctx, ResponseFormat.of(ctx), "Conformance", doc, OgcVocabulary.JSON);
    }
}
