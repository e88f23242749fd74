package dev.sls4j.cli;

import java.util.ArrayList;
import java.util.List;

/** Columns padded to their widest cell: output for people. */
final class Table {
  private final List<String[]> rows = new ArrayList<>();

  Table(String... headings) {
    rows.add(headings);
  }

  void row(Object... cells) {
    String[] row = new String[cells.length];
    for (int i = 0; i < cells.length; i++) row[i] = String.valueOf(cells[i]);
    rows.add(row);
  }

  @Override
  public String toString() {
    int[] widths = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) widths[i] = Math.max(widths[i], row[i].length());
    }
    StringBuilder out = new StringBuilder();
    for (String[] row : rows) {
      if (out.length() > 0) out.append('\n');
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(row[i]);
        if (i < row.length - 1) {
          for (int pad = row[i].length(); pad < widths[i] + 2; pad++) line.append(' ');
        }
      }
      out.append(line);
    }
    return out.toString();
  }
}
