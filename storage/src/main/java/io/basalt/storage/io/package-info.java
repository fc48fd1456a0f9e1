/** File-system helpers for durable writes. */
package io.basalt.storage.io;
