package io.basalt.storage.block;

import io.basalt.storage.zonemap.ZoneMap;

/**
 * Where one column block lies in its segment file ({@code offset}, {@code length} bytes), the
 * encoding tag the writer chose, whether Zstandard was applied over it, and its zone map.
 */
public record BlockMeta(long offset, int length, int encoding, boolean compressed, ZoneMap zone) {}
