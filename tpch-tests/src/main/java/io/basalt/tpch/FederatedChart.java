package io.basalt.tpch;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * Draws {@code basalt bench federated}'s bar chart: per query, the medians of Basalt over the
 * federated mix, Basalt over its native tables, and PostgreSQL alone, on a log scale.
 */
final class FederatedChart {
  private static final double FLOOR_MILLIS = 0.01;

  private FederatedChart() {}

  static void writePng(List<FederatedResult> results, String title, Path file)
      throws IOException {
    System.setProperty("java.awt.headless", "true");
    CategoryChart chart = new CategoryChartBuilder()
        .width(Math.max(800, 70 * results.size() + 250))
        .height(600)
        .title(title)
        .xAxisTitle("TPC-H query")
        .yAxisTitle("median ms (log scale)")
        .build();
    chart.getStyler().setYAxisLogarithmic(true);
    double fastest = results.stream()
        .flatMapToDouble(r -> java.util.stream.DoubleStream.of(r.basalt().millis(),
            r.basaltNative().millis(), r.postgres().millis()))
        .map(millis -> Math.max(FLOOR_MILLIS, millis))
        .min()
        .orElse(1);
    // Bars start at the axis minimum, which must be above zero on a log axis.
    chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(fastest))));
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setSeriesColors(new Color[] {
        new Color(0x3B6EA5), new Color(0x8DB3DA), new Color(0xD9822B)});
    List<String> queries = results.stream().map(FederatedResult::name).toList();
    series(chart, "Basalt (orders, customer in PG)", queries, results, r -> r.basalt().millis());
    series(chart, "Basalt (all native)", queries, results, r -> r.basaltNative().millis());
    series(chart, "PostgreSQL alone", queries, results, r -> r.postgres().millis());
    try (OutputStream out = Files.newOutputStream(file)) {
      BitmapEncoder.saveBitmap(chart, out, BitmapFormat.PNG);
    }
  }

  private static void series(CategoryChart chart, String name, List<String> queries,
      List<FederatedResult> results, ToDoubleFunction<FederatedResult> millis) {
    chart.addSeries(name, queries,
        results.stream().map(r -> Math.max(FLOOR_MILLIS, millis.applyAsDouble(r))).toList());
  }
}
