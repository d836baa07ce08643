package parkgrid.store;

import java.util.List;
import parkgrid.feature.Layer;
import parkgrid.feature.PropertyType;
import static parkgrid.store.SqlNames.quote;

/**
 * The ORDER BY both stores write: the requested keys (nulls last), then the feature id for a stable
 * order. Text sorts by code point in both ({@link SqlDialect#textOrdering}).
 */
public final class SortOrder {
    private SortOrder() {}

    public static String orderBy(List<FeatureQuery.SortKey> keys, String alias, Layer layer, SqlDialect dialect) {
        StringBuilder sql = new StringBuilder(" ORDER BY ");
        for (FeatureQuery.SortKey k : keys) {
            String column = alias + quote(k.property());
            boolean text = layer.property(k.property()).map(p -> p.type() == PropertyType.STRING).orElse(false);
            String collated = text ? column + dialect.textOrdering() : column;
            // "x IS NULL" sorts false (0) before true (1) in both SQLite and PostgreSQL: nulls last
            sql.append(column).append(" IS NULL, ").append(collated).append(k.ascending() ? " ASC, " : " DESC, ");
        }
        return sql.append(alias).append("fid").toString();
    }
}
