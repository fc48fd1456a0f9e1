package io.basalt.server.sql;

import java.util.ArrayList;
import java.util.List;

/** A line diff of a script's expected and actual text, in unified style, for failure messages. */
final class LineDiff {
  /** Lines of unchanged text shown around each change. */
  private static final int CONTEXT = 2;

  private LineDiff() {}

  /** Returns an empty string if the texts are equal, else their differences ("-" expected, "+" actual). */
  static String diff(List<String> expected, List<String> actual) {
    int n = expected.size();
    int m = actual.size();
    // Longest common subsequence table, from the back; scripts are small enough for O(n*m).
    int[][] common = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        common[i][j] = expected.get(i).equals(actual.get(j))
            ? common[i + 1][j + 1] + 1
            : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    List<String> edits = new ArrayList<>();
    List<Integer> expectedLine = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && expected.get(i).equals(actual.get(j))) {
        edits.add("  " + expected.get(i));
        expectedLine.add(i++);
        j++;
      } else if (i < n && (j == m || common[i + 1][j] >= common[i][j + 1])) {
        edits.add("- " + expected.get(i));
        expectedLine.add(i++);
      } else {
        edits.add("+ " + actual.get(j++));
        expectedLine.add(i);
      }
    }
    return render(edits, expectedLine);
  }

  private static String render(List<String> edits, List<Integer> expectedLine) {
    StringBuilder out = new StringBuilder();
    int shownUpTo = -1;
    for (int k = 0; k < edits.size(); k++) {
      if (edits.get(k).startsWith("  ")) {
        continue;
      }
      int from = Math.max(Math.max(0, k - CONTEXT), shownUpTo + 1);
      if (from > shownUpTo + 1 || shownUpTo < 0) {
        out.append("@@ line ").append(expectedLine.get(from) + 1).append(" @@\n");
      }
      int to = k;
      // Extend the hunk over following changes that are close enough to share context.
      for (int next = k + 1; next < edits.size() && next <= to + 2 * CONTEXT + 1; next++) {
        if (!edits.get(next).startsWith("  ")) {
          to = next;
        }
      }
      to = Math.min(edits.size() - 1, to + CONTEXT);
      for (int line = from; line <= to; line++) {
        out.append(edits.get(line)).append('\n');
      }
      shownUpTo = to;
      k = to;
    }
    return out.toString();
  }
}
