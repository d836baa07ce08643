-- Network coverage with pgRouting, part 1 of 2: the graph and the attachments, built from the stored layers
-- ${lines}, ${supply} and ${demand} (work tables pgr_* in ${schema}) with the same definition as parkgrid.analysis.LineNetwork and
-- CoverageAnalysis (network mode):
--   * every line vertex, projected to EPSG:${srid} (the metric CRS ParkGrid chose; its summary says which);
--   * vertices closer than ${snap} m are one node, placed at the first vertex read (line fid, part, vertex order);
--     ST_ClusterDBSCAN groups them (transitively; LineNetwork joins a vertex to the nearest node already made,
--     which differs only where three or more vertices chain within the tolerance);
--   * segments between consecutive vertices' nodes; zero-length ones dropped;
--   * a line end within ${snap} m of another segment's interior splits that segment there (a T-junction);
--     lines that cross without a shared vertex are not joined;
--   * edge cost = planar length in metres, both directions;
--   * each supplier and each demand attaches to its nearest edge (KNN on the GiST index): edge, fraction along it
--     (clamped to 0..1) and the straight access leg.
-- Placeholders ${...} are replaced by parkgrid.testing.PgRoutingCoverage (bench/network-vs-pgrouting.sh and the test); statements
-- end with ";" at the end of a line.
DROP TABLE IF EXISTS ${schema}.pgr_vertex, ${schema}.pgr_position, ${schema}.pgr_node, ${schema}.pgr_vertex_node, ${schema}.pgr_raw,
    ${schema}.pgr_split, ${schema}.pgr_edge, ${schema}.pgr_supplier_at, ${schema}.pgr_demand_at;

CREATE TABLE ${schema}.pgr_vertex AS
SELECT row_number() OVER (ORDER BY l.fid, coalesce(p.path[1], 1), v.path[1]) AS ord,
       l.fid AS line, coalesce(p.path[1], 1) AS part, v.path[1] AS idx,
       (v.path[1] = 1 OR v.path[1] = ST_NPoints(p.geom)) AS line_end,
       ST_X(v.geom) AS x, ST_Y(v.geom) AS y
FROM ${lines} l
CROSS JOIN LATERAL ST_Dump(ST_Transform(l.geom, ${srid})) AS p
CROSS JOIN LATERAL ST_DumpPoints(p.geom) AS v
WHERE NOT ST_IsEmpty(l.geom) AND ST_NPoints(p.geom) >= 2;

-- distinct positions, clustered within the snap tolerance; a cluster's node sits at its first vertex
CREATE TABLE ${schema}.pgr_position AS
WITH pos AS (
    SELECT x, y, min(ord) AS ord FROM ${schema}.pgr_vertex GROUP BY x, y
), clustered AS (
    SELECT x, y, ord, ST_ClusterDBSCAN(ST_MakePoint(x, y), eps := ${snap}, minpoints := 1) OVER () AS cluster FROM pos
)
SELECT x, y, cluster, min(ord) OVER (PARTITION BY cluster) AS first_ord, ord FROM clustered;

CREATE TABLE ${schema}.pgr_node AS
SELECT dense_rank() OVER (ORDER BY first_ord) AS node, first_ord, x, y, ST_SetSRID(ST_MakePoint(x, y), ${srid}) AS geom
FROM ${schema}.pgr_position WHERE ord = first_ord;
ALTER TABLE ${schema}.pgr_node ADD PRIMARY KEY (node);

CREATE TABLE ${schema}.pgr_vertex_node AS
SELECT v.line, v.part, v.idx, v.line_end, n.node
FROM ${schema}.pgr_vertex v
JOIN ${schema}.pgr_position p ON p.x = v.x AND p.y = v.y
JOIN ${schema}.pgr_node n ON n.first_ord = p.first_ord;

CREATE TABLE ${schema}.pgr_raw AS
WITH seg AS (
    SELECT line, part, idx, node AS a, lead(node) OVER (PARTITION BY line, part ORDER BY idx) AS b
    FROM ${schema}.pgr_vertex_node
)
SELECT row_number() OVER (ORDER BY s.line, s.part, s.idx) AS id, s.line, s.a, s.b, ST_MakeLine(na.geom, nb.geom) AS geom
FROM seg s JOIN ${schema}.pgr_node na ON na.node = s.a JOIN ${schema}.pgr_node nb ON nb.node = s.b
WHERE s.b IS NOT NULL AND s.a <> s.b;
CREATE INDEX ON ${schema}.pgr_raw USING GIST (geom);
ANALYZE ${schema}.pgr_raw;

-- T-junctions: line ends on another segment's interior (strictly between its ends), within the tolerance
CREATE TABLE ${schema}.pgr_split AS
SELECT r.id AS raw, n.node, ST_LineLocatePoint(r.geom, n.geom) AS t
FROM (SELECT DISTINCT node FROM ${schema}.pgr_vertex_node WHERE line_end) e
JOIN ${schema}.pgr_node n USING (node)
JOIN ${schema}.pgr_raw r ON ${snap} > 0 AND ST_DWithin(r.geom, n.geom, ${snap}) AND r.a <> n.node AND r.b <> n.node
WHERE ST_LineLocatePoint(r.geom, n.geom) > 0 AND ST_LineLocatePoint(r.geom, n.geom) < 1;

CREATE TABLE ${schema}.pgr_edge AS
WITH pts AS (
    SELECT id AS raw, line, a AS node, 0::float8 AS t FROM ${schema}.pgr_raw
    UNION ALL SELECT s.raw, r.line, s.node, s.t FROM ${schema}.pgr_split s JOIN ${schema}.pgr_raw r ON r.id = s.raw
    UNION ALL SELECT id, line, b, 1 FROM ${schema}.pgr_raw
), seq AS (
    SELECT raw, line, t, node AS source, lead(node) OVER (PARTITION BY raw ORDER BY t, node) AS target FROM pts
)
SELECT row_number() OVER (ORDER BY q.raw, q.t) AS id, q.source, q.target, q.line,
       ST_Distance(ns.geom, nt.geom) AS cost, ST_MakeLine(ns.geom, nt.geom) AS geom
FROM seq q JOIN ${schema}.pgr_node ns ON ns.node = q.source JOIN ${schema}.pgr_node nt ON nt.node = q.target
WHERE q.target IS NOT NULL AND q.source <> q.target;
ALTER TABLE ${schema}.pgr_edge ADD PRIMARY KEY (id);
CREATE INDEX ON ${schema}.pgr_edge USING GIST (geom);
ANALYZE ${schema}.pgr_edge;

CREATE TABLE ${schema}.pgr_supplier_at AS
SELECT s.fid, e.id AS edge, ST_LineLocatePoint(e.geom, s.p) AS fraction, ST_Distance(e.geom, s.p) AS access
FROM (SELECT fid, ST_Transform(geom, ${srid}) AS p FROM ${supply}) s
CROSS JOIN LATERAL (SELECT id, geom FROM ${schema}.pgr_edge ORDER BY geom <-> s.p LIMIT 1) e;
CREATE INDEX ON ${schema}.pgr_supplier_at (edge);

CREATE TABLE ${schema}.pgr_demand_at AS
SELECT d.fid, e.id AS edge, ST_LineLocatePoint(e.geom, d.p) AS fraction, ST_Distance(e.geom, d.p) AS access
FROM (SELECT fid, ST_Transform(geom, ${srid}) AS p FROM ${demand}) d
CROSS JOIN LATERAL (SELECT id, geom FROM ${schema}.pgr_edge ORDER BY geom <-> d.p LIMIT 1) e;
ANALYZE ${schema}.pgr_supplier_at;
ANALYZE ${schema}.pgr_demand_at;
