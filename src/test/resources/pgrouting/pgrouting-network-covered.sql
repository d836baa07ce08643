-- Network coverage with pgRouting, part 2 of 2 (after pgrouting-network-prep.sql): the ids of the covered demands.
-- A demand is covered when access leg + path along the lines + supplier's access leg ≤ ${radius} m, both legs
-- ≤ ${access} m (farther: off the network), as in parkgrid.analysis.NetworkCoverage with one radius for every
-- supplier. One pgr_drivingDistance from a virtual source (node 0) joined to each on-network supplier's edge ends
-- by edges costing its access leg + the stretch to that end: the nearest-supplier distance of every node within
-- ${radius} m, as NetworkCoverage's one multi-source Dijkstra. A demand on the same edge as a supplier may be reached
-- along that edge directly.
WITH reach AS (
    SELECT node, agg_cost FROM pgr_drivingDistance(
        'SELECT id, source, target, cost FROM ${schema}.pgr_edge
         UNION ALL
         SELECT -2 * a.fid, 0, e.source, a.access + a.fraction * e.cost
         FROM ${schema}.pgr_supplier_at a JOIN ${schema}.pgr_edge e ON e.id = a.edge WHERE a.access <= ${access}
         UNION ALL
         SELECT -2 * a.fid - 1, 0, e.target, a.access + (1 - a.fraction) * e.cost
         FROM ${schema}.pgr_supplier_at a JOIN ${schema}.pgr_edge e ON e.id = a.edge WHERE a.access <= ${access}',
        ARRAY[0]::bigint[], ${radius}, directed := false)
)
SELECT d.fid
FROM ${schema}.pgr_demand_at d
JOIN ${schema}.pgr_edge e ON e.id = d.edge
LEFT JOIN reach ru ON ru.node = e.source
LEFT JOIN reach rv ON rv.node = e.target
WHERE d.access <= ${access}
  AND (least(ru.agg_cost + d.fraction * e.cost, rv.agg_cost + (1 - d.fraction) * e.cost) + d.access <= ${radius}
       OR EXISTS (SELECT 1 FROM ${schema}.pgr_supplier_at s
                  WHERE s.edge = d.edge AND s.access <= ${access}
                    AND s.access + abs(s.fraction - d.fraction) * e.cost + d.access <= ${radius}))
ORDER BY d.fid;
