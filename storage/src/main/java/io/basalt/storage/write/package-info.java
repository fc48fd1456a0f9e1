/** Table writers: row validation, buffering with spills to segment files, and commit. */
package io.basalt.storage.write;
