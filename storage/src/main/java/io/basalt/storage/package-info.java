/**
 * The native columnar store. Entry type: {@link io.basalt.storage.StorageEngine}; the other public
 * types here are the records and interfaces its signatures use. Subpackages are implementation.
 */
package io.basalt.storage;
