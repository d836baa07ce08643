/**
 * Import and export of whole layers: GeoJSON FeatureCollections with ParkGrid's layer metadata members
 * (the seed format), and the seed loader that fills an empty store on first start.
 */
package parkgrid.io;
