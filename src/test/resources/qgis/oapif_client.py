"""QGIS as a ParkGrid client: what a planner gets after Layer > Add Layer > Add WFS / OGC API - Features Layer.

Run by parkgrid.api.QgisClientTest with the Debian PyQGIS (/usr/bin/python3, QT_QPA_PLATFORM=offscreen):

    oapif_client.py REQUEST_JSON

REQUEST_JSON: {"url": "http://127.0.0.1:PORT", "layers": [{"name": "villages", "box": [minLon, minLat, maxLon, maxLat]}]}
with the boxes in EPSG:4326 lon/lat degrees. For each layer the script opens the collection through the
"OAPIF" provider and reads every feature; counts the features inside the box (QgsFeatureRequest.setFilterRect,
exact intersection) as QGIS filters its downloaded copy; then opens the collection a second time with
restrictToRequestBBOX (the dialog's "Only request features overlapping the view extent"), so the box goes
to the server as bbox=, and counts again. It prints one JSON document on
stdout (ASCII only, so no console encoding can touch the Chinese names):

    {"qgis": "3.22.16", "layers": [{"name", "valid", "error", "featureCount", "readCount", "fields": [{"name",
     "type", "typeName"}], "nameZh": [...] or null, "editCapabilities": [...], "startEditing", "boxCountInQgis", "boxCountFromServer", "boxRequests": [urls]}]}

It checks nothing itself; the Java test compares every figure with the store behind the server.
"""
import json
import sys

from qgis.core import (QgsApplication, QgsFeatureRequest, QgsNetworkAccessManager, QgsRectangle,
                       QgsVectorDataProvider, QgsVectorLayer, Qgis)


EDIT_CAPABILITIES = [(name, getattr(QgsVectorDataProvider, name)) for name in
                     ("AddFeatures", "DeleteFeatures", "ChangeAttributeValues", "ChangeGeometries", "AddAttributes")]


def uri(base_url, name, restrict_to_request_bbox=False):
    # restrictToRequestBBOX is the dialog's "Only request features overlapping the view extent"
    return "url='%s' typename='%s'%s" % (base_url, name, " restrictToRequestBBOX='1'" if restrict_to_request_bbox else "")


def name_zh_values(layer, features):
    index = layer.fields().indexOf("name_zh")
    if index < 0:
        return None
    return [f.attribute(index) for f in features]


def box_request(spec):
    minx, miny, maxx, maxy = spec["box"]
    return QgsFeatureRequest().setFilterRect(QgsRectangle(minx, miny, maxx, maxy)).setFlags(
        QgsFeatureRequest.ExactIntersect)


def describe(base_url, spec, requested_urls):
    layer = QgsVectorLayer(uri(base_url, spec["name"]), spec["name"], "OAPIF")
    result = {"name": spec["name"], "valid": layer.isValid()}
    if not layer.isValid():
        result["error"] = layer.error().summary()
        return result
    features = list(layer.getFeatures())
    result["featureCount"] = layer.featureCount()
    result["readCount"] = len(features)
    result["fields"] = [{"name": f.name(), "type": int(f.type()), "typeName": f.typeName()} for f in layer.fields()]
    result["nameZh"] = name_zh_values(layer, features)
    # QGIS 3.22's OAPIF provider has no editing (3.32 added it, deciding from OPTIONS' Allow): the layer is read-only
    caps = layer.dataProvider().capabilities()
    result["editCapabilities"] = [name for name, flag in EDIT_CAPABILITIES if caps & flag]
    result["startEditing"] = bool(layer.startEditing())
    if result["startEditing"]:
        layer.rollBack()
    # the default layer has every feature cached by now: QGIS filters the box itself
    result["boxCountInQgis"] = sum(1 for _ in layer.getFeatures(box_request(spec)))

    boxed = QgsVectorLayer(uri(base_url, spec["name"], True), spec["name"] + " (view extent)", "OAPIF")
    del requested_urls[:]
    result["boxCountFromServer"] = sum(1 for _ in boxed.getFeatures(box_request(spec)))
    result["boxRequests"] = [u for u in requested_urls if "/items" in u and "bbox=" in u]
    return result


def main():
    request = json.loads(sys.argv[1])
    app = QgsApplication([], False)
    app.initQgis()
    requested_urls = []  # list.append is atomic: the preprocessor runs on QGIS's download threads
    preprocessor = QgsNetworkAccessManager.setRequestPreprocessor(lambda r: requested_urls.append(r.url().toString()))
    try:
        layers = [describe(request["url"], spec, requested_urls) for spec in request["layers"]]
        print(json.dumps({"qgis": Qgis.version(), "layers": layers}, ensure_ascii=True))
    finally:
        QgsNetworkAccessManager.removeRequestPreprocessor(preprocessor)
        app.exitQgis()


if __name__ == "__main__":
    main()
