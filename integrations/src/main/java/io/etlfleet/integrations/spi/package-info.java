/**
 * The connector SPI: what a source connector implements and what the runtime gives it.
 * Depends on nothing else of etl-fleet; the runtime (extract workers) depends on it.
 */
package io.etlfleet.integrations.spi;
