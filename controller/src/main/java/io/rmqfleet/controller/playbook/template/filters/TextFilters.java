package io.rmqfleet.controller.playbook.template.filters;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import io.rmqfleet.controller.playbook.template.PyStr;
import io.rmqfleet.controller.playbook.template.TemplateError;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** String filters from Ansible: regular expressions, shell quoting, path parts. */
final class TextFilters {

    private TextFilters() {
    }

    static List<Filter> all() {
        return List.of(new RegexReplace(), new RegexSearch(), new RegexEscape(), new Quote(),
            new PathPart("basename", true), new PathPart("dirname", false));
    }

    private static int flags(Args args, int firstIndex) {
        int flags = 0;
        if (args.bool(firstIndex, "ignorecase", false)) {
            flags |= Pattern.CASE_INSENSITIVE;
        }
        if (args.bool(firstIndex + 1, "multiline", false)) {
            flags |= Pattern.MULTILINE;
        }
        return flags;
    }

    /** {@code regex_replace(pattern, replacement='', ignorecase=False, multiline=False, count=0)}. */
    static final class RegexReplace extends AnsibleFilter {
        RegexReplace() {
            super("regex_replace");
        }

        @Override
        protected Object apply(Object value, Args args, JinjavaInterpreter interpreter) {
            String text = PyStr.str(value);
            Pattern p = PythonRegex.compile(args.string(0, "pattern", ""), flags(args, 2));
            PythonRegex.Replacement replacement = PythonRegex.replacement(args.string(1, "replacement", ""));
            int count = ((Number) args.get(4, "count", 0)).intValue();
            Matcher m = p.matcher(text);
            StringBuilder out = new StringBuilder();
            int done = 0;
            while ((count <= 0 || done < count) && m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(replacement.expand(m)));
                done++;
            }
            m.appendTail(out);
            return out.toString();
        }
    }

    /** {@code regex_search(regex, '\\1', '\\g<name>'..., ignorecase=, multiline=)}: match, groups, or None. */
    static final class RegexSearch extends AnsibleFilter {
        RegexSearch() {
            super("regex_search");
        }

        @Override
        protected Object apply(Object value, Args args, JinjavaInterpreter interpreter) {
            int flags = 0;
            if (args.bool(-1, "ignorecase", false)) {
                flags |= Pattern.CASE_INSENSITIVE;
            }
            if (args.bool(-1, "multiline", false)) {
                flags |= Pattern.MULTILINE;
            }
            Matcher m = PythonRegex.compile(args.string(0, "regex", ""), flags).matcher(PyStr.str(value));
            if (!m.find()) {
                return null;
            }
            Object[] groups = args.positionalFrom(1);
            if (groups.length == 0) {
                return m.group();
            }
            List<Object> out = new ArrayList<>();
            for (Object g : groups) {
                String ref = String.valueOf(g);
                if (ref.startsWith("\\g<") && ref.endsWith(">")) {
                    out.add(m.group(ref.substring(3, ref.length() - 1)));
                } else if (ref.startsWith("\\") && ref.substring(1).chars().allMatch(Character::isDigit)) {
                    out.add(m.group(Integer.parseInt(ref.substring(1))));
                } else {
                    throw new TemplateError("regex_search: unknown group reference '" + ref + "'", null);
                }
            }
            return out;
        }
    }

    /** Python's {@code re.escape}. */
    static final class RegexEscape extends AnsibleFilter {
        RegexEscape() {
            super("regex_escape");
        }

        @Override
        protected Object apply(Object value, Args args, JinjavaInterpreter interpreter) {
            StringBuilder out = new StringBuilder();
            for (char c : PyStr.str(value).toCharArray()) {
                if ("()[]{}?*+-|^$\\.&~# \t\n\r\u000b\f".indexOf(c) >= 0) {
                    out.append('\\');
                }
                out.append(c);
            }
            return out.toString();
        }
    }

    /** Python's {@code shlex.quote}. */
    static final class Quote extends AnsibleFilter {
        Quote() {
            super("quote");
        }

        @Override
        protected Object apply(Object value, Args args, JinjavaInterpreter interpreter) {
            String s = value == null ? "" : PyStr.str(value);
            if (s.isEmpty()) {
                return "''";
            }
            if (s.matches("[\\w@%+=:,./-]+") && s.chars().allMatch(c -> c < 128)) {
                return s;
            }
            return "'" + s.replace("'", "'\"'\"'") + "'";
        }
    }

    /** {@code basename}/{@code dirname} as Python's os.path. */
    static final class PathPart extends AnsibleFilter {
        private final boolean base;

        PathPart(String name, boolean base) {
            super(name);
            this.base = base;
        }

        @Override
        protected Object apply(Object value, Args args, JinjavaInterpreter interpreter) {
            String p = PyStr.str(value);
            int slash = p.lastIndexOf('/');
            if (base) {
                return p.substring(slash + 1);
            }
            if (slash < 0) {
                return "";
            }
            String head = p.substring(0, slash + 1);
            // os.path.dirname strips trailing slashes unless the head is all slashes.
            String stripped = head.replaceAll("/+$", "");
            return stripped.isEmpty() ? head : stripped;
        }
    }
}
