/** Runtime settings, read once from environment variables with defaults for the embedded mode. */
package parkgrid.config;
