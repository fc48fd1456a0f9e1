/**
 * Objects named {@code s3://bucket/key}: list, ranged read and atomic write, over folders on the
 * local disk (the embedded default) or a real S3-compatible endpoint.
 */
package io.basalt.storage.objectstore;
