/*
 * Layer roles: the page asks for a role ("lines", "demand" …) and /map/config's `roles` member says which
 * collection plays it in this deployment (parkgrid.config.LayerRoles, PARKGRID_ROLES). Styles, default
 * selections and the dashboard key off roles, so a renamed or imported layer keeps its part.
 * The role names are the only layer-like words the page may spell out; they live here.
 */

const ROLE = Object.freeze({
  PARK: 'park', PARCELS: 'parcels', ENTERPRISES: 'enterprises', PROJECTS: 'projects', DEMAND: 'demand',
  SUPPLY_SUBSTATIONS: 'supply-substations', SUPPLY_TRANSFORMERS: 'supply-transformers', LINES: 'lines',
  WIND_FARM: 'wind-farm', WIND_TURBINES: 'wind-turbines', FACILITIES: 'facilities', SUGGESTIONS: 'suggestions',
  FARMLAND: 'farmland', ECO_REDLINE: 'eco-redline', URBAN_BOUNDARY: 'urban-boundary'
});

/** The role a collection plays under `roles` (role → collection id), or null. */
function roleOf(roles, collectionId) {
  const hit = Object.entries(roles || {}).find(([, layer]) => layer === collectionId);
  return hit ? hit[0] : null;
}

/** The collection that plays `role`, or null when the deployment names none. */
function layerFor(roles, role) {
  return (roles || {})[role] || null;
}

export { ROLE, roleOf, layerFor };
