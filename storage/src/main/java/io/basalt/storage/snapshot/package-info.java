/** Table snapshots and their scans: zone-map skipping, exact filtering, late materialization. */
package io.basalt.storage.snapshot;
