/**
 * JSON settings shared by every package: one configured {@link parkgrid.json.Json#MAPPER}. It depends on no
 * other ParkGrid package, so stores, io and the api can all use it without a cycle. The CQL2 JSON parser keeps
 * its own mapper because it limits nesting depth for filters only.
 */
package parkgrid.json;
