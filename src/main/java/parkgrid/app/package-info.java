/** Wiring: settings, store, seed and HTTP server. The only package that knows all the others. */
package parkgrid.app;
