package io.rmqfleet.controller.module;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Expected outputs below were produced by GNU {@code diff -u --label before --label after}. */
class UnifiedDiffTest {
    private static final AtomicLong SEED = new AtomicLong(20261125L);

    @Test
    void equalTextsGiveNoDiff() {
        assertThat(UnifiedDiff.render("before", "after", "a\nb\n", "a\nb\n")).isEmpty();
        assertThat(UnifiedDiff.render("before", "after", "", "")).isEmpty();
    }

    @Test
    void oneChangedLineInTheMiddle() {
        assertThat(UnifiedDiff.render("before", "after", "a\nb\nc\n", "a\nx\nc\n")).isEqualTo("""
                --- before
                +++ after
                @@ -1,3 +1,3 @@
                 a
                -b
                +x
                 c
                """);
    }

    @Test
    void missingFinalNewlineIsMarked() {
        assertThat(UnifiedDiff.render("before", "after", "a\nb\nc\n", "a\nb\nc")).isEqualTo("""
                --- before
                +++ after
                @@ -1,3 +1,3 @@
                 a
                 b
                -c
                +c
                \\ No newline at end of file
                """);
    }

    @Test
    void distantChangesGiveSeparateHunks() {
        String before = numbered(1, 20);
        String after = "1\n2\nX\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\nY\n19\n20\nZ\n";
        assertThat(UnifiedDiff.render("before", "after", before, after)).isEqualTo("""
                --- before
                +++ after
                @@ -1,6 +1,6 @@
                 1
                 2
                -3
                +X
                 4
                 5
                 6
                @@ -15,6 +15,7 @@
                 15
                 16
                 17
                -18
                +Y
                 19
                 20
                +Z
                """);
    }

    @Test
    void changesSixLinesApartShareOneHunk() {
        String after = "1\nX\n3\n4\n5\n6\n7\n8\nY\n10\n";
        String diff = UnifiedDiff.render("before", "after", numbered(1, 10), after);
        assertThat(diff).startsWith("--- before\n+++ after\n@@ -1,10 +1,10 @@\n");
        assertThat(count(diff, "@@ -")).isEqualTo(1);
    }

    @Test
    void changesSevenLinesApartGiveTwoHunks() {
        String after = "1\nX\n3\n4\n5\n6\n7\n8\n9\nY\n11\n";
        String diff = UnifiedDiff.render("before", "after", numbered(1, 11), after);
        assertThat(count(diff, "@@ -")).isEqualTo(2);
    }

    @Test
    void newFileAndDeletedFileUseZeroRanges() {
        assertThat(UnifiedDiff.render("before", "after", "", "x\ny\n"))
                .isEqualTo("--- before\n+++ after\n@@ -0,0 +1,2 @@\n+x\n+y\n");
        assertThat(UnifiedDiff.render("before", "after", "q\n", ""))
                .isEqualTo("--- before\n+++ after\n@@ -1 +0,0 @@\n-q\n");
    }

    @Test
    void insertionAtTheStartUsesTheRightRanges() {
        assertThat(UnifiedDiff.render("b", "a", "1\n2\n3\n4\n5\n", "0\n1\n2\n3\n4\n5\n"))
                .isEqualTo("--- b\n+++ a\n@@ -1,3 +1,4 @@\n+0\n 1\n 2\n 3\n");
    }

    @Test
    void pureDeletionInTheMiddle() {
        assertThat(UnifiedDiff.render("b", "a", numbered(1, 9), "1\n2\n3\n4\n6\n7\n8\n9\n"))
                .isEqualTo("--- b\n+++ a\n@@ -2,7 +2,6 @@\n 2\n 3\n 4\n-5\n 6\n 7\n 8\n");
    }

    @Test
    void editScriptIsMinimal() {
        List<UnifiedDiff.Op> ops = UnifiedDiff.diff(
                UnifiedDiff.lines("a\nb\nc\na\nb\nb\na\n"), UnifiedDiff.lines("c\nb\na\nb\na\nc\n"));
        long edits = ops.stream().filter(op -> op.kind() != ' ').count();
        assertThat(edits).isEqualTo(5); // the classic Myers example: D = 5
    }

    @Test
    void hugeRewritesFallBackToReplacingEverything() {
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < UnifiedDiff.MAX_EDIT_DISTANCE; i++) {
            a.append("a").append(i).append('\n');
            b.append("b").append(i).append('\n');
        }
        String diff = UnifiedDiff.render("b", "a", a.toString(), b.toString());
        assertThat(applyPatch(a.toString(), diff)).isEqualTo(b.toString());
    }

    /** Property: applying the rendered diff to the old text gives the new text, and the hunks are well-formed. */
    @RepeatedTest(400)
    void patchingTheOldTextWithTheDiffGivesTheNewText() {
        Random random = new Random(SEED.getAndIncrement());
        String before = randomText(random);
        String after = mutate(random, before);
        String diff = UnifiedDiff.render("before", "after", before, after);
        if (before.equals(after)) {
            assertThat(diff).isEmpty();
        } else {
            assertThat(applyPatch(before, diff)).as("diff:\n%s", diff).isEqualTo(after);
        }
    }

    private static String randomText(Random random) {
        int lines = random.nextInt(30);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            sb.append("l").append(random.nextInt(6)).append('\n');
        }
        if (lines > 0 && random.nextInt(5) == 0) {
            sb.setLength(sb.length() - 1);
        }
        return sb.toString();
    }

    private static String mutate(Random random, String text) {
        List<String> lines = new ArrayList<>(UnifiedDiff.lines(text));
        int edits = random.nextInt(6);
        for (int e = 0; e < edits; e++) {
            int op = random.nextInt(3);
            if (op == 0 || lines.isEmpty()) {
                lines.add(random.nextInt(lines.size() + 1), "n" + random.nextInt(4) + "\n");
            } else if (op == 1) {
                lines.remove(random.nextInt(lines.size()));
            } else {
                lines.set(random.nextInt(lines.size()), "m" + random.nextInt(4) + "\n");
            }
        }
        String out = String.join("", lines);
        if (!out.isEmpty() && random.nextInt(5) == 0 && out.endsWith("\n")) {
            out = out.substring(0, out.length() - 1);
        }
        return out.replace("\n\n", "\n");
    }

    private static final Pattern HUNK = Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@$");

    /** A strict applier of unified diffs: checks context lines and hunk counts while applying. */
    static String applyPatch(String before, String diff) {
        List<String> src = UnifiedDiff.lines(before);
        List<String> lines = UnifiedDiff.lines(diff);
        assertThat(lines.get(0)).startsWith("--- ");
        assertThat(lines.get(1)).startsWith("+++ ");
        StringBuilder out = new StringBuilder();
        int consumed = 0;
        int i = 2;
        while (i < lines.size()) {
            Matcher m = HUNK.matcher(lines.get(i).stripTrailing());
            assertThat(m.matches()).as("hunk header: " + lines.get(i)).isTrue();
            int aStart = Integer.parseInt(m.group(1));
            int aCount = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
            int bCount = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
            int firstLine = aCount == 0 ? aStart : aStart - 1;
            assertThat(firstLine).isGreaterThanOrEqualTo(consumed);
            while (consumed < firstLine) {
                out.append(src.get(consumed++));
            }
            i++;
            int seenA = 0;
            int seenB = 0;
            while (i < lines.size() && !lines.get(i).startsWith("@@")) {
                String line = lines.get(i);
                char kind = line.charAt(0);
                String body = line.substring(1);
                if (i + 1 < lines.size() && lines.get(i + 1).startsWith("\\ No newline")) {
                    body = body.substring(0, body.length() - 1);
                    i++;
                }
                if (kind == ' ' || kind == '-') {
                    assertThat(src.get(consumed)).isEqualTo(body);
                    consumed++;
                    seenA++;
                }
                if (kind == ' ' || kind == '+') {
                    out.append(body);
                    seenB++;
                }
                i++;
            }
            assertThat(seenA).isEqualTo(aCount);
            assertThat(seenB).isEqualTo(bCount);
        }
        while (consumed < src.size()) {
            out.append(src.get(consumed++));
        }
        return out.toString();
    }

    private static String numbered(int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i <= to; i++) {
            sb.append(i).append('\n');
        }
        return sb.toString();
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
