/** Column blocks: write buffers, decoded blocks, and the segment file format that holds them. */
package io.basalt.storage.block;
