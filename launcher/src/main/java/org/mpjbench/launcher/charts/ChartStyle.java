package org.mpjbench.launcher.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.mpjbench.launcher.bench.TextFiles;

/**
 * The look every chart shares, so that they sit side by side in a report: a fixed size, white
 * background, fonts large enough to read when the image is scaled down to a page's width, a
 * colour-blind-safe palette (Okabe and Ito), light grid lines, the legend below the plot.
 */
final class ChartStyle {
  static {
    // First, before the fonts below: loading AWT's native library settles headless or not.
    headless();
  }

  /** Width of every PNG, pixels. */
  static final int WIDTH_PIXELS = 1000;
  /** Height of every PNG, pixels. */
  static final int HEIGHT_PIXELS = 600;

  // Logical font names: the JDK maps them to whatever the machine has (DejaVu on Debian).
  static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 22);
  static final Font SUBTITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
  static final Font AXIS_LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 17);
  static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
  static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
  static final Font MARKER_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);

  /**
   * Okabe-Ito colours without yellow (too pale on white), then black and grey, then Paul Tol's
   * wine and olive for charts with ten series (the kernel charts).
   */
  private static final Paint[] PALETTE = {
    new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
    new Color(0xE69F00), new Color(0x56B4E9), Color.BLACK, new Color(0x888888),
    new Color(0x882255), new Color(0x999933),
  };

  static final Color GRID = new Color(0xDDDDDD);
  static final Color MINOR_GRID = new Color(0xEEEEEE);
  static final Color REFERENCE = new Color(0x555555);
  static final Stroke LINE = new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
  static final Stroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
      10f, new float[] {8f, 6f}, 0f);

  private ChartStyle() {}

  /**
   * Makes AWT run without a display. Must happen before anything touches the AWT toolkit: on a
   * machine without X, a non-headless toolkit fails to load, and on one with X, charts would open
   * a connection to it for nothing.
   */
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  /** The colour of the {@code index}-th series (the palette repeats after ten). */
  static Paint color(int index) {
    return PALETTE[index % PALETTE.length];
  }

  /** A numeric axis with the shared fonts. */
  static NumberAxis numberAxis(String label) {
    NumberAxis axis = new NumberAxis(label);
    style(axis);
    return axis;
  }

  /** Applies the shared fonts to {@code axis}. */
  static void style(ValueAxis axis) {
    axis.setLabelFont(AXIS_LABEL_FONT);
    axis.setTickLabelFont(TICK_FONT);
    axis.setLabelPaint(Color.BLACK);
    axis.setTickLabelPaint(Color.BLACK);
  }

  /** A plot with a white background and light grid lines. */
  static XYPlot plot(ValueAxis x, ValueAxis y) {
    XYPlot plot = new XYPlot();
    plot.setDomainAxis(x);
    plot.setRangeAxis(y);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(GRID);
    plot.setRangeGridlinePaint(GRID);
    plot.setDomainGridlineStroke(new BasicStroke(1f));
    plot.setRangeGridlineStroke(new BasicStroke(1f));
    plot.setOutlinePaint(Color.GRAY);
    plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    return plot;
  }

  /**
   * The renderer of {@code count} bands (a {@link org.jfree.data.xy.YIntervalSeriesCollection}):
   * each series' range, shaded in its line's colour, without lines, shapes or a legend entry, for
   * a dataset drawn behind the lines of its medians.
   */
  static DeviationRenderer bands(int count) {
    DeviationRenderer renderer = new DeviationRenderer(false, false);
    renderer.setAlpha(0.18f);
    renderer.setDefaultSeriesVisibleInLegend(false);
    for (int i = 0; i < count; i++) {
      renderer.setSeriesFillPaint(i, color(i));
      renderer.setSeriesPaint(i, color(i));
    }
    return renderer;
  }

  /** Light grid lines at the unlabelled ticks of the range axis (a log axis's 2, 3, ... 9). */
  static void minorRangeGrid(XYPlot plot) {
    plot.setRangeMinorGridlinesVisible(true);
    plot.setRangeMinorGridlinePaint(MINOR_GRID);
    plot.setRangeMinorGridlineStroke(new BasicStroke(1f));
  }

  /** A chart around {@code plot} with a title, a subtitle and a legend below. */
  static JFreeChart chart(String title, String subtitle, XYPlot plot) {
    JFreeChart chart = new JFreeChart(title, TITLE_FONT, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    chart.setPadding(new RectangleInsets(10, 10, 10, 20));
    chart.getTitle().setPadding(new RectangleInsets(4, 0, 2, 0));
    TextTitle sub = new TextTitle(subtitle, SUBTITLE_FONT);
    sub.setPaint(Color.DARK_GRAY);
    sub.setPadding(new RectangleInsets(0, 0, 8, 0));
    chart.addSubtitle(sub);
    LegendTitle legend = chart.getLegend();
    legend.setItemFont(LEGEND_FONT);
    legend.setPosition(RectangleEdge.BOTTOM);
    legend.setFrame(BlockBorder.NONE);
    legend.setBackgroundPaint(Color.WHITE);
    legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 14));
    legend.setMargin(new RectangleInsets(8, 0, 0, 0));
    return chart;
  }

  /** A marker shape: a square on its corner, {@code half} pixels from the centre to each tip. */
  static Shape diamond(double half) {
    Path2D.Double path = new Path2D.Double();
    path.moveTo(0, -half);
    path.lineTo(half, 0);
    path.lineTo(0, half);
    path.lineTo(-half, 0);
    path.closePath();
    return path;
  }

  /**
   * The PNG text chunk every chart of ours carries ({@code tEXt}, keyword {@code Software}): a file
   * in the charts folder is replaced only when it holds it, so a user's own image of the same name is
   * never overwritten.
   */
  static final String SOFTWARE_MARK = "mpjbench";

  /**
   * Writes {@code chart} as a {@value #WIDTH_PIXELS}×{@value #HEIGHT_PIXELS} PNG named
   * {@code fileName} in {@code outDir} (created if needed), through a temporary name so that a
   * reader never sees half an image; returns the file. A file of that name that is not a chart of
   * ours is left as it is, and the call fails naming it.
   */
  static Path save(JFreeChart chart, Path outDir, String fileName) throws IOException {
    Files.createDirectories(outDir);
    Path target = outDir.resolve(fileName);
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !isChartOfOurs(target)) {
      throw new FileAlreadyExistsException(target.toString(), null,
          "exists and is not a chart drawn by mpjbench; left untouched (move it, or draw into"
              + " another folder with --out)");
    }
    TextFiles.replace(target,
        out -> writeMarkedPng(chart.createBufferedImage(WIDTH_PIXELS, HEIGHT_PIXELS), out));
    return target;
  }

  private static void writeMarkedPng(BufferedImage image, OutputStream out) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
    try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
      ImageWriteParam param = writer.getDefaultWriteParam();
      IIOMetadata metadata = writer.getDefaultImageMetadata(
          ImageTypeSpecifier.createFromRenderedImage(image), param);
      IIOMetadataNode entry = new IIOMetadataNode("tEXtEntry");
      entry.setAttribute("keyword", "Software");
      entry.setAttribute("value", SOFTWARE_MARK);
      IIOMetadataNode text = new IIOMetadataNode("tEXt");
      text.appendChild(entry);
      IIOMetadataNode root = new IIOMetadataNode(PNG_METADATA_FORMAT);
      root.appendChild(text);
      metadata.mergeTree(PNG_METADATA_FORMAT, root);
      writer.setOutput(stream);
      writer.write(null, new IIOImage(image, null, metadata), param);
    } finally {
      writer.dispose();
    }
  }

  private static final String PNG_METADATA_FORMAT = "javax_imageio_png_1.0";

  /** Whether {@code file} is a PNG carrying our {@code tEXt} mark (read from its first 64 KiB). */
  static boolean isChartOfOurs(Path file) {
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    byte[] head = new byte[64 * 1024];
    int length;
    try (var in = Files.newInputStream(file)) {
      length = in.readNBytes(head, 0, head.length);
    } catch (IOException e) {
      return false;
    }
    byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
    if (length < png.length || !java.util.Arrays.equals(head, 0, png.length, png, 0, png.length)) {
      return false;
    }
    // ISO-8859-1 maps every byte to one char, so the chunk is found as text.
    return new String(head, 0, length, StandardCharsets.ISO_8859_1)
        .contains("tEXtSoftware\0" + SOFTWARE_MARK);
  }
}
