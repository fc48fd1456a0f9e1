/** Per-block zone maps (min, max, null count) that let scans skip blocks. */
package io.basalt.storage.zonemap;
