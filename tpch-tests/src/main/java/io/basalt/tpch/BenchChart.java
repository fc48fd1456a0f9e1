package io.basalt.tpch;

import io.basalt.tpch.BenchResult.Baseline;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.DoubleStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * Draws the benchmark's grouped bar chart: both engines' median time per query, log scale; over
 * Iceberg, Basalt's Parquet baseline as a third bar.
 */
final class BenchChart {
  /** A log axis cannot show zero: a faster-than-this median is drawn at this height. */
  private static final double FLOOR_MILLIS = 0.01;

  private BenchChart() {}

  /** Writes the chart of {@code results} as a PNG to {@code file}, without needing a display. */
  static void writePng(List<BenchResult> results, String title, Path file) throws IOException {
    // A benchmark runs on servers without a display; AWT must not look for one.
    System.setProperty("java.awt.headless", "true");
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(Math.max(800, 60 * results.size() + 200))
            .height(600)
            .title(title)
            .xAxisTitle("TPC-H query")
            .yAxisTitle("median ms (log scale)")
            .build();
    chart.getStyler().setYAxisLogarithmic(true);
    // Bars start from the axis minimum, which XChart otherwise puts at zero, impossible on a log
    // axis: start at the power of ten below the fastest median.
    boolean baseline = results.stream().anyMatch(r -> r.basaltParquet().isPresent());
    double fastest =
        results.stream()
            .flatMapToDouble(r -> DoubleStream.of(r.basaltMillis(), r.duckdbMillis(),
                r.basaltParquet().map(Baseline::millis).orElse(Double.MAX_VALUE)))
            .map(millis -> Math.max(FLOOR_MILLIS, millis))
            .min()
            .orElse(1);
    chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(fastest))));
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    Color basaltBlue = new Color(0x3B6EA5);
    Color duckdbYellow = new Color(0xE3A21A);
    chart.getStyler().setSeriesColors(baseline
        ? new Color[] {basaltBlue, new Color(0x8DB3DA), duckdbYellow}
        : new Color[] {basaltBlue, duckdbYellow});
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    List<String> queries = results.stream().map(BenchResult::name).toList();
    chart.addSeries(
        baseline ? "Basalt (Iceberg)" : "Basalt", queries,
        results.stream().map(r -> Math.max(FLOOR_MILLIS, r.basaltMillis())).toList());
    if (baseline) {
      chart.addSeries(
          "Basalt (Parquet)", queries,
          results.stream()
              .map(r -> Math.max(FLOOR_MILLIS, r.basaltParquet().map(Baseline::millis).orElse(0.0)))
              .toList());
    }
    chart.addSeries(
        baseline ? "DuckDB (Parquet)" : "DuckDB", queries,
        results.stream().map(r -> Math.max(FLOOR_MILLIS, r.duckdbMillis())).toList());
    try (OutputStream out = Files.newOutputStream(file)) {
      BitmapEncoder.saveBitmap(chart, out, BitmapFormat.PNG);
    }
  }
}
