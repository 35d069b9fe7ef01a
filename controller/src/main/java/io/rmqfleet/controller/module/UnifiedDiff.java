package io.rmqfleet.controller.module;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders two texts as a unified diff ({@code diff -u} / Python difflib layout: {@code ---}/{@code +++} headers,
 * {@code @@ -a,b +c,d @@} hunks with three lines of context, {@code \ No newline at end of file} markers).
 * Pure: Myers' O(ND) algorithm on lines, after trimming the common head and tail.
 */
public final class UnifiedDiff {
    /** Lines of unchanged text shown around each change. */
    public static final int CONTEXT = 3;
    /** Beyond this many differing lines the texts are shown as fully replaced (bounds time and memory). */
    static final int MAX_EDIT_DISTANCE = 2000;
    private static final String NO_NEWLINE = "\\ No newline at end of file";

    private UnifiedDiff() {
    }

    /** The unified diff of {@code before} and {@code after}; empty when they are equal. */
    public static String render(String beforeHeader, String afterHeader, String before, String after) {
        if (before.equals(after)) {
            return "";
        }
        List<Op> ops = diff(lines(before), lines(after));
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(beforeHeader).append('\n');
        out.append("+++ ").append(afterHeader).append('\n');
        for (List<Op> hunk : hunks(ops)) {
            appendHunk(out, hunk);
        }
        return out.toString();
    }

    /** One line of the edit script. {@code aPos}/{@code bPos}: lines of each side consumed before this one. */
    record Op(char kind, String line, int aPos, int bPos) {
    }

    /** Lines including their terminating newline, so a missing final newline is a difference of its own. */
    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl + 1;
            out.add(text.substring(start, end));
            start = end;
        }
        return out;
    }

    static List<Op> diff(List<String> a, List<String> b) {
        int head = 0;
        while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < a.size() - head && tail < b.size() - head
                && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
            tail++;
        }
        List<String> midA = a.subList(head, a.size() - tail);
        List<String> midB = b.subList(head, b.size() - tail);

        List<Character> script = myers(midA, midB);
        if (script == null) {
            script = new ArrayList<>();
            for (int i = 0; i < midA.size(); i++) {
                script.add('-');
            }
            for (int i = 0; i < midB.size(); i++) {
                script.add('+');
            }
        }
        List<Op> ops = new ArrayList<>(a.size() + b.size());
        int x = 0;
        int y = 0;
        for (int i = 0; i < head; i++) {
            ops.add(new Op(' ', a.get(x), x++, y++));
        }
        for (char kind : script) {
            switch (kind) {
                case ' ' -> ops.add(new Op(' ', a.get(x), x++, y++));
                case '-' -> ops.add(new Op('-', a.get(x), x++, y));
                default -> ops.add(new Op('+', b.get(y), x, y++));
            }
        }
        for (int i = 0; i < tail; i++) {
            ops.add(new Op(' ', a.get(x), x++, y++));
        }
        return ops;
    }

    /** Myers' shortest edit script as ' ', '-', '+' per line; null when it is longer than the bound. */
    private static List<Character> myers(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int max = n + m;
        if (max == 0) {
            return new ArrayList<>();
        }
        int bound = Math.min(max, MAX_EDIT_DISTANCE);
        int offset = max + 1;
        int[] v = new int[2 * max + 3];
        List<int[]> trace = new ArrayList<>();
        for (int d = 0; d <= bound; d++) {
            // keep only the diagonals reachable at this step: O(D^2) memory overall
            int[] snapshot = new int[2 * d + 3];
            System.arraycopy(v, offset - d - 1, snapshot, 0, 2 * d + 3);
            trace.add(snapshot);
            for (int k = -d; k <= d; k += 2) {
                int x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
                        ? v[offset + k + 1]
                        : v[offset + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a.get(x).equals(b.get(y))) {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m) {
                    return backtrack(trace, n, m);
                }
            }
        }
        return null;
    }

    private static List<Character> backtrack(List<int[]> trace, int n, int m) {
        List<Character> reversed = new ArrayList<>();
        int x = n;
        int y = m;
        for (int d = trace.size() - 1; d >= 0; d--) {
            int[] v = trace.get(d);
            int base = d + 1; // index of diagonal 0 in this snapshot
            int k = x - y;
            int prevK = (k == -d || (k != d && v[base + k - 1] < v[base + k + 1])) ? k + 1 : k - 1;
            int prevX = d == 0 ? 0 : v[base + prevK];
            int prevY = prevX - prevK;
            while (x > prevX && y > prevY) {
                reversed.add(' ');
                x--;
                y--;
            }
            if (d > 0) {
                if (x == prevX) {
                    reversed.add('+');
                    y--;
                } else {
                    reversed.add('-');
                    x--;
                }
            }
        }
        List<Character> script = new ArrayList<>(reversed.size());
        for (int i = reversed.size() - 1; i >= 0; i--) {
            script.add(reversed.get(i));
        }
        return script;
    }

    /** Groups the edit script into hunks: changes closer than 2 x CONTEXT lines share one hunk. */
    static List<List<Op>> hunks(List<Op> ops) {
        List<List<Op>> hunks = new ArrayList<>();
        int i = 0;
        while (i < ops.size()) {
            if (ops.get(i).kind() == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int lastChange = i;
            int j = i + 1;
            while (j < ops.size()) {
                if (ops.get(j).kind() != ' ') {
                    lastChange = j;
                } else if (j - lastChange > 2 * CONTEXT) {
                    break;
                }
                j++;
            }
            int end = Math.min(ops.size(), lastChange + CONTEXT + 1);
            hunks.add(ops.subList(start, end));
            i = end;
        }
        return hunks;
    }

    private static void appendHunk(StringBuilder out, List<Op> hunk) {
        int aCount = 0;
        int bCount = 0;
        for (Op op : hunk) {
            if (op.kind() != '+') {
                aCount++;
            }
            if (op.kind() != '-') {
                bCount++;
            }
        }
        Op first = hunk.get(0);
        out.append("@@ -").append(range(first.aPos(), aCount))
                .append(" +").append(range(first.bPos(), bCount)).append(" @@\n");
        for (Op op : hunk) {
            out.append(op.kind());
            if (op.line().endsWith("\n")) {
                out.append(op.line());
            } else {
                out.append(op.line()).append('\n').append(NO_NEWLINE).append('\n');
            }
        }
    }

    /** difflib's range format: "start,count", just "start" for one line, "start-1,0" for none. */
    private static String range(int zeroBasedStart, int count) {
        if (count == 1) {
            return Integer.toString(zeroBasedStart + 1);
        }
        int start = count == 0 ? zeroBasedStart : zeroBasedStart + 1;
        return start + "," + count;
    }
}
