/**
 * Tables outside the native store. Entry type: {@link io.basalt.federation.FederatedCatalogs};
 * {@code datacatalog} is the lake's Glue-style catalog, {@code lake} its external tables.
 */
package io.basalt.federation;
