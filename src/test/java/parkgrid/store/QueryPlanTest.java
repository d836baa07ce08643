package parkgrid.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import parkgrid.feature.GeometryKind;
import parkgrid.feature.Layer;
import parkgrid.feature.PropertyDefinition;
import parkgrid.feature.PropertyType;
import parkgrid.filter.FilterBinder;

/** What one plan decides per store: who filters, who tests the bbox exactly, who pages. */
class QueryPlanTest {
    private static final Layer VILLAGES = new Layer("villages", "村庄", null, null, GeometryKind.POINT, List.of(
            new PropertyDefinition("name_zh", PropertyType.STRING),
            new PropertyDefinition("township", PropertyType.STRING),
            new PropertyDefinition("population", PropertyType.INTEGER)), null, null);
    private static final Envelope RUYANG = new Envelope(112.40, 112.55, 34.10, 34.20);

    private static FeatureQuery query(Envelope bbox, Map<String, Object> equals, String cql2, long limit, long offset) {
        return new FeatureQuery(bbox, equals, cql2 == null ? null : FilterBinder.parseAndBind(cql2, VILLAGES), List.of(), limit, offset);
    }

    private static QueryPlan gpkg(FeatureQuery q) { return QueryPlan.of(VILLAGES, q, SqlDialect.SQLITE, "t"); }

    private static QueryPlan postgis(FeatureQuery q) { return QueryPlan.of(VILLAGES, q, SqlDialect.POSTGIS, null); }

    @Test
    void withoutFiltersBothStoresPageInSqlAndWriteNoWhere() {
        FeatureQuery q = query(null, Map.of(), null, 10, 20);
        for (QueryPlan p : List.of(gpkg(q), postgis(q))) {
            assertEquals("", p.join());
            assertEquals("", p.where());
            assertEquals(List.of(), p.parameters());
            assertTrue(p.isDecidedBySql());
            assertTrue(p.isPagedInSql());
            assertEquals(" LIMIT 10 OFFSET 20", p.paging());
            assertEquals(0, p.offsetInJava());
        }
        assertEquals(" LIMIT -1 OFFSET 5", gpkg(query(null, Map.of(), null, FeatureQuery.UNLIMITED, 5)).paging());
        assertEquals(" OFFSET 5", postgis(query(null, Map.of(), null, FeatureQuery.UNLIMITED, 5)).paging());
    }

    @Test
    void aBboxJoinsTheRtreeOnGeoPackageAndNeedsTheExactTestSoJavaPages() {
        QueryPlan p = gpkg(query(RUYANG, Map.of(), null, 10, 20));
        assertEquals(" JOIN \"rtree_villages_geom\" r ON r.id = t.fid AND r.minx <= ? AND r.maxx >= ? AND r.miny <= ? AND r.maxy >= ?", p.join());
        assertEquals("", p.where());
        assertEquals(List.of(112.55, 112.40, 34.20, 34.10), p.parameters());
        assertTrue(p.needsExactBboxTest());
        assertFalse(p.hasResidual());
        assertFalse(p.isPagedInSql());
        assertEquals("", p.paging());
        assertEquals(20, p.offsetInJava());
    }

    @Test
    void aBboxIsDecidedInSqlOnPostGis() {
        QueryPlan p = postgis(query(RUYANG, Map.of(), null, 10, 0));
        assertEquals("", p.join());
        assertEquals(" WHERE geom && ST_MakeEnvelope(?, ?, ?, ?, 4326) AND ST_Intersects(geom, ST_MakeEnvelope(?, ?, ?, ?, 4326))", p.where());
        assertEquals(List.of(112.40, 34.10, 112.55, 34.20, 112.40, 34.10, 112.55, 34.20), p.parameters());
        assertFalse(p.needsExactBboxTest());
        assertTrue(p.isPagedInSql());
        assertEquals(" LIMIT 10", p.paging());
    }

    @Test
    void aNonSpatialFilterIsAllSqlOnBothStoresAfterThePropertyEqualities() {
        FeatureQuery q = query(null, Map.of("township", "柏树乡"), "name_zh LIKE '程%' AND population > 1000", 10, 0);
        QueryPlan g = gpkg(q);
        assertEquals(" WHERE t.\"township\" = ? AND (t.\"name_zh\" GLOB ? AND t.\"population\" > ?)", g.where());
        assertEquals(List.of("柏树乡", "程*", 1000L), g.parameters());
        assertTrue(g.isDecidedBySql());
        QueryPlan p = postgis(q);
        assertEquals(" WHERE \"township\" = ? AND (\"name_zh\" LIKE ? AND \"population\" > ?)", p.where());
        assertEquals(List.of("柏树乡", "程%", 1000L), p.parameters());
        assertTrue(p.isDecidedBySql());
        assertNull(p.residual());
    }

    @Test
    void aSpatialFilterLeavesAResidualAndJavaPagingOnGeoPackageButIsAllSqlOnPostGis() {
        FeatureQuery q = query(null, Map.of(), "population > 500 AND S_WITHIN(geom, BBOX(112.4, 34.1, 112.5, 34.2))", 10, 30);
        QueryPlan g = gpkg(q);
        assertEquals(" WHERE (t.\"population\" > ?)", g.where());
        assertEquals(List.of(500L), g.parameters());
        assertTrue(g.hasResidual());
        assertTrue(g.residual().hasSpatialPredicate());
        assertFalse(g.needsExactBboxTest());
        assertFalse(g.isPagedInSql());
        assertEquals("", g.paging());
        assertEquals(30, g.offsetInJava());

        QueryPlan p = postgis(q);
        assertEquals(" WHERE (\"population\" > ? AND ST_Within(geom, ST_GeomFromText(?, 4326)))", p.where());
        assertEquals(500L, p.parameters().get(0));
        assertFalse(p.hasResidual());
        assertTrue(p.isPagedInSql());
        assertEquals(" LIMIT 10 OFFSET 30", p.paging());
    }

    @Test
    void caseAndAccentInsensitiveComparisonsAreJavasOnGeoPackageAndSqlOnPostGis() {
        FeatureQuery q = query(null, Map.of(), "CASEI(name_zh) = casei('程村') AND ACCENTI(township) LIKE 'B%'", 10, 0);
        QueryPlan g = gpkg(q);
        assertEquals("", g.where());
        assertTrue(g.hasResidual());
        assertEquals(q.filter().filter(), g.residual().filter());
        assertFalse(g.isPagedInSql());

        QueryPlan p = postgis(q);
        assertTrue(p.where().contains("lower(upper(\"name_zh\" COLLATE \"und-x-icu\"))"), p.where());
        assertTrue(p.where().contains("normalize(translate(regexp_replace(normalize(\"township\", NFD)"), p.where());
        assertFalse(p.hasResidual());
        assertTrue(p.isPagedInSql());
    }

    @Test
    void textSortsByCodePointOnBothStores() {
        FeatureQuery q = new FeatureQuery(null, Map.of(), null, List.of(new FeatureQuery.SortKey("name_zh", false)), 10, 0);
        assertEquals(" ORDER BY t.\"name_zh\" IS NULL, t.\"name_zh\" DESC, t.fid", gpkg(q).orderBy());
        assertEquals(" ORDER BY \"name_zh\" IS NULL, \"name_zh\" COLLATE \"C\" DESC, fid", postgis(q).orderBy());
    }
}
