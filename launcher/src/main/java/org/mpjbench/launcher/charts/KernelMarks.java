package org.mpjbench.launcher.charts;

import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.function.Function;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.data.xy.XYSeries;
import org.mpjbench.launcher.report.KernelFigures;

/**
 * How each algorithm kernel looks in the kernel charts, the same in both: its own colour and
 * marker (ten of each, so that no two kernels share both), and a small sideways nudge of its
 * points, so that kernels with equal values at the same rank count stay visible side by side.
 */
final class KernelMarks {
  /** The algorithm kernels in {@link KernelFigures} order: a kernel's index picks its marks. */
  private static final List<KernelFigures> KERNELS =
      KernelFigures.all().stream().filter(KernelFigures::checksProperty).toList();

  /** Half the width, in ranks, over which the kernels' points are spread around each K. */
  private static final double SPREAD = 0.18;

  private KernelMarks() {}

  /** The kernel's colour. */
  static Paint paint(KernelFigures kernel) {
    return ChartStyle.color(index(kernel));
  }

  /** Where the kernel's point for {@code ranks} goes on the x axis. */
  static double x(KernelFigures kernel, int ranks) {
    int count = KERNELS.size();
    return count < 2 ? ranks : ranks - SPREAD + 2 * SPREAD * index(kernel) / (count - 1);
  }

  /**
   * The series {@code name} of {@code one}'s points, at their nudged places, the value of each
   * point given by {@code value}; points whose value is null are left out.
   */
  static XYSeries series(String name, KernelPoints.Series one,
      Function<KernelPoints.Point, Double> value) {
    XYSeries series = new XYSeries(name);
    for (KernelPoints.Point point : one.points()) {
      Double y = value.apply(point);
      if (y != null) {
        series.add(x(one.kernel(), point.ranks()), y);
      }
    }
    return series;
  }

  /** Styles series {@code series} of {@code renderer} as {@code kernel}'s measured points. */
  static void measured(XYLineAndShapeRenderer renderer, int series, KernelFigures kernel) {
    int index = index(kernel);
    renderer.setSeriesPaint(series, paint(kernel));
    renderer.setSeriesStroke(series, ChartStyle.LINE);
    renderer.setSeriesLinesVisible(series, true);
    renderer.setSeriesShapesVisible(series, true);
    renderer.setSeriesShape(series, shape(index));
    // The last two reuse the first two shapes, hollow, as their colours are new ones anyway.
    renderer.setSeriesShapesFilled(series, index < 8);
  }

  /** An x axis of whole rank counts from 1 to {@code maxRanks}. */
  static NumberAxis ranksAxis(int maxRanks) {
    NumberAxis x = ChartStyle.numberAxis("ranks K");
    x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    x.setRange(0.5, Math.max(maxRanks, 2) + 0.5);
    return x;
  }

  private static Shape shape(int index) {
    float size = 6f;
    return switch (index % 8) {
      case 0 -> new Ellipse2D.Double(-size, -size, 2 * size, 2 * size);
      case 1 -> new Rectangle2D.Double(-size + 1, -size + 1, 2 * size - 2, 2 * size - 2);
      case 2 -> ShapeUtils.createDiamond(size + 1);
      case 3 -> ShapeUtils.createUpTriangle(size + 1);
      case 4 -> ShapeUtils.createDownTriangle(size + 1);
      case 5 -> ShapeUtils.createRegularCross(size + 1, 2.5f);
      case 6 -> ShapeUtils.createDiagonalCross(size, 2f);
      default -> new Rectangle2D.Double(-size - 1, -size / 2, 2 * size + 2, size);
    };
  }

  private static int index(KernelFigures kernel) {
    int index = KERNELS.indexOf(kernel);
    if (index < 0) {
      throw new IllegalArgumentException(kernel + " is not an algorithm kernel");
    }
    return index;
  }
}
