/**
 * Reading and writing the data files of lake tables: Parquet, delimited text and newline-delimited
 * JSON over any {@link io.basalt.storage.objectstore.ObjectStore}. Entry types:
 * {@link io.basalt.storage.format.FileReaders} (splits and batch readers),
 * {@link io.basalt.storage.format.FileSchemas} and {@link io.basalt.storage.format.FileFormats}
 * (what a crawler infers), {@link io.basalt.storage.format.ParquetFileWriter} and
 * {@link io.basalt.storage.format.CsvFileWriter}; the other public types are their records.
 *
 * <p>Readers fill {@link io.basalt.storage.format.ArrayColumnVector} arrays directly, which the
 * engine adopts without copying. Predicates only let a reader skip data that provably has no
 * matching row; the caller applies them again.
 */
package io.basalt.storage.format;
