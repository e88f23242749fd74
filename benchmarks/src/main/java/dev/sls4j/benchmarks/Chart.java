package dev.sls4j.benchmarks;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.ToDoubleBiFunction;
import javax.imageio.ImageIO;

/** A PNG of the run: calls/s with 1 and 4 threads, and KB allocated per call, for the three sides. */
final class Chart {
  private static final Color[] COLORS = {new Color(0x2b7bb9), new Color(0xd9822b), new Color(0x8a8a8a)};

  private Chart() {}

  static void write(Report report, Path file) throws IOException {
    System.setProperty("java.awt.headless", "true");
    BufferedImage image = new BufferedImage(1000, 420, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    g.drawString("UpdateCheckPoint against local nginx (medians)", 20, 28);
    panel(g, 20, 60, 600, "calls per second", new String[] {"1 thread", "4 threads"},
        (side, group) -> report.callsPerSecond(side, EndToEnd.THREADS[group]), "%,.0f");
    panel(g, 660, 60, 320, "KB allocated per call", new String[] {"1 thread"},
        (side, group) -> report.bytesPerCall(side, 1) / 1024, "%.1f");
    int x = 20;
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    for (int i = 0; i < EndToEnd.SIDES.size(); i++) {
      g.setColor(COLORS[i]);
      g.fillRect(x, 392, 14, 14);
      g.setColor(Color.BLACK);
      g.drawString(EndToEnd.SIDES.get(i), x + 20, 404);
      x += 120;
    }
    g.dispose();
    Files.createDirectories(file.toAbsolutePath().getParent());
    ImageIO.write(image, "png", file.toFile());
  }

  private static void panel(Graphics2D g, int left, int top, int width, String title, String[] groups,
      ToDoubleBiFunction<String, Integer> value, String format) {
    int height = 280;
    double max = 0;
    for (String side : EndToEnd.SIDES) {
      for (int group = 0; group < groups.length; group++) max = Math.max(max, value.applyAsDouble(side, group));
    }
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
    g.setColor(Color.BLACK);
    g.drawString(title, left, top);
    int baseline = top + 20 + height;
    g.setStroke(new BasicStroke(1));
    g.drawLine(left, baseline, left + width, baseline);
    int groupWidth = width / groups.length;
    int bar = Math.min(60, (groupWidth - 30) / EndToEnd.SIDES.size());
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    for (int group = 0; group < groups.length; group++) {
      int x = left + group * groupWidth + 15;
      for (int i = 0; i < EndToEnd.SIDES.size(); i++) {
        double v = value.applyAsDouble(EndToEnd.SIDES.get(i), group);
        int h = (int) Math.round(height * v / max);
        g.setColor(COLORS[i]);
        g.fillRect(x + i * bar, baseline - h, bar - 6, h);
        g.setColor(Color.BLACK);
        g.drawString(String.format(Locale.ROOT, format, v), x + i * bar, baseline - h - 4);
      }
      g.drawString(groups[group], x, baseline + 16);
    }
  }
}
