package org.mpjbench.launcher.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Charts are drawn over charts of ours only, never over a user's file of the same name. */
class ChartOwnershipTest {
  @TempDir Path tmp;

  private static JFreeChart chart() {
    return ChartFactory.createXYLineChart("t", "x", "y", new XYSeriesCollection());
  }

  @Test
  void aChartCarriesOurMarkAndIsReplacedByTheNextOne() throws IOException {
    Path first = ChartStyle.save(chart(), tmp, "speedup.png");
    assertTrue(ChartStyle.isChartOfOurs(first));
    BufferedImage image = ImageIO.read(first.toFile());
    assertEquals(ChartStyle.WIDTH_PIXELS, image.getWidth(), "still a readable PNG");
    Files.setLastModifiedTime(first, java.nio.file.attribute.FileTime.fromMillis(0));
    Path second = ChartStyle.save(chart(), tmp, "speedup.png");
    assertEquals(first, second);
    assertTrue(Files.getLastModifiedTime(second).toMillis() > 0, "replaced");
  }

  @Test
  void aUsersPngOfTheSameNameIsLeftUntouchedAndNamed() throws IOException {
    Path users = tmp.resolve("speedup.png");
    ImageIO.write(new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB), "png", users.toFile());
    byte[] before = Files.readAllBytes(users);
    assertFalse(ChartStyle.isChartOfOurs(users));
    FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class,
        () -> ChartStyle.save(chart(), tmp, "speedup.png"));
    assertTrue(e.getMessage().contains(users.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("not a chart drawn by mpjbench"), e.getMessage());
    assertArrayEquals(before, Files.readAllBytes(users));
  }

  @Test
  void aFileThatIsNotAPngIsNeitherOurs() throws IOException {
    Path text = Files.writeString(tmp.resolve("x.png"), "tEXtSoftware\0mpjbench");
    assertFalse(ChartStyle.isChartOfOurs(text), "the mark counts only inside a PNG");
    assertFalse(ChartStyle.isChartOfOurs(tmp.resolve("missing.png")));
  }
}
