package parkgrid.store;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import parkgrid.feature.Layer;
import parkgrid.feature.ParkGridException;

/** A store's in-memory registry of its layer definitions, read at open and kept in step with createLayer, addProperty and deleteLayer. */
public final class LayerCatalog {
    private final Map<String, Layer> layers = new ConcurrentHashMap<>();

    /** Layers in name order. */
    public List<Layer> all() {
        return layers.values().stream().sorted(Comparator.comparing(Layer::name)).toList();
    }

    public Optional<Layer> find(String name) {
        return Optional.ofNullable(name == null ? null : layers.get(name));
    }

    /** @throws ParkGridException (not found) naming {@code collectionId} when there is no such layer */
    public Layer require(String name) {
        return find(name).orElseThrow(() -> ParkGridException.layerNotFound("collectionId", name));
    }

    public boolean contains(String name) {
        return layers.containsKey(name);
    }

    /** Adds a layer, or replaces the definition of the layer of that name (after a property was added). */
    public void add(Layer layer) {
        layers.put(layer.name(), layer);
    }

    public void remove(String name) {
        layers.remove(name);
    }
}
