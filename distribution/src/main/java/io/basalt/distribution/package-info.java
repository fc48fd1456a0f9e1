/** How rows are spread over slices: the entry type is {@link io.basalt.distribution.SliceMap}. */
package io.basalt.distribution;
