package io.rmqfleet.controller.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Python's {@code fnmatch.translate} (3.11) into a Java regex: {@code *}, {@code ?}, {@code [seq]}, {@code [!seq]}.
 * Matching is case-sensitive and whole-string, as Ansible's host patterns use it.
 */
final class Fnmatch {
    private Fnmatch() {
    }

    static Pattern compile(String glob) {
        return Pattern.compile(translate(glob), Pattern.DOTALL);
    }

    static String translate(String pat) {
        StringBuilder res = new StringBuilder();
        int i = 0;
        int n = pat.length();
        while (i < n) {
            char c = pat.charAt(i++);
            if (c == '*') {
                if (res.length() < 2 || !res.substring(res.length() - 2).equals(".*")) {
                    res.append(".*");
                }
            } else if (c == '?') {
                res.append('.');
            } else if (c == '[') {
                int j = i;
                if (j < n && pat.charAt(j) == '!') {
                    j++;
                }
                if (j < n && pat.charAt(j) == ']') {
                    j++;
                }
                while (j < n && pat.charAt(j) != ']') {
                    j++;
                }
                if (j >= n) {
                    res.append("\\[");
                } else {
                    res.append(charClass(pat, i, j));
                    i = j + 1;
                }
            } else {
                res.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return res.toString();
    }

    /** The bracket expression pat[i:j] (without the brackets) as a Java character class. */
    private static String charClass(String pat, int i, int j) {
        boolean negate = pat.charAt(i) == '!';
        int start = negate ? i + 1 : i;
        // Split into chunks at range hyphens like Python does, dropping empty ranges such as z-a.
        List<String> chunks = new ArrayList<>();
        String stuff = pat.substring(i, j);
        if (stuff.indexOf('-') < 0) {
            chunks.add(pat.substring(start, j));
        } else {
            int k = negate ? i + 2 : i + 1;
            int from = start;
            while (true) {
                k = pat.indexOf('-', k);
                if (k < 0 || k >= j) {
                    break;
                }
                chunks.add(pat.substring(from, k));
                from = k + 1;
                k = k + 3;
            }
            String chunk = pat.substring(from, j);
            if (!chunk.isEmpty()) {
                chunks.add(chunk);
            } else {
                chunks.set(chunks.size() - 1, chunks.get(chunks.size() - 1) + "-");
            }
            for (int m = chunks.size() - 1; m > 0; m--) {
                String prev = chunks.get(m - 1);
                String cur = chunks.get(m);
                if (!prev.isEmpty() && !cur.isEmpty() && prev.charAt(prev.length() - 1) > cur.charAt(0)) {
                    chunks.set(m - 1, prev.substring(0, prev.length() - 1) + cur.substring(1));
                    chunks.remove(m);
                }
            }
        }
        StringBuilder body = new StringBuilder();
        for (int m = 0; m < chunks.size(); m++) {
            if (m > 0) {
                body.append('-'); // a range operator between chunks
            }
            for (char ch : chunks.get(m).toCharArray()) {
                body.append(Character.isLetterOrDigit(ch) ? String.valueOf(ch) : "\\" + ch);
            }
        }
        if (body.length() == 0) {
            return negate ? "." : "(?!)";
        }
        return "[" + (negate ? "^" : "") + body + "]";
    }
}
