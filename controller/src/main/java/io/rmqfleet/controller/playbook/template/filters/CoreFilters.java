package io.rmqfleet.controller.playbook.template.filters;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import io.rmqfleet.controller.playbook.template.Natives;
import io.rmqfleet.controller.playbook.template.PyStr;
import io.rmqfleet.controller.playbook.template.TemplateError;
import io.rmqfleet.controller.playbook.template.Undefined;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Jinja2/Ansible core filters with Python semantics where jinjava's differ or are missing. */
final class CoreFilters {

    private CoreFilters() {
    }

    static List<Filter> all() {
        return List.of(new Default("default"), new Default("d"), new Mandatory(), new Bool(), new Int(),
            new FloatFilter(), new StringFilter(), new Join(), new Sort(), new Unique(), new MapFilter(),
            new Flatten(), new MinMax("min", -1), new MinMax("max", 1), new Ternary(), new First(), new Last(),
            new ListFilter(), new Sum(), new Extract());
    }

    /** {@code default(value, default_value='', boolean=False)}: replaces undefined (or falsy with boolean). */
    static final class Default extends AnsibleFilter {
        Default(String name) {
            super(name);
        }

        @Override
        protected Object apply(Object value, Args args, JinjavaInterpreter interpreter) {
            Object fallback = args.get(0, "default_value", "");
            boolean falsy = args.bool(1, "boolean", false);
            if (value instanceof Undefined) {
                Undefined.consume(value, interpreter);
                return fallback;
            }
            if (falsy && !Natives.truthy(value)) {
                return fallback;
            }
            return value;
        }
    }

    /** {@code mandatory(msg=None)}: an undefined value is an error with this message. */
    static final class Mandatory extends AnsibleFilter {
        Mandatory() {
            super("mandatory");
        }

        @Override
        protected Object apply(Object value, Args args, JinjavaInterpreter interpreter) {
            if (value instanceof Undefined u) {
                Undefined.consume(value, interpreter);
                String msg = args.string(0, "msg", null);
                throw new TemplateError(msg != null ? msg : "Mandatory variable '" + u.variable() + "' not defined.",
                    null);
            }
            return value;
        }
    }

    /** Ansible's {@code bool}: yes/on/1/true (any case) and 1 are true, everything else false; None stays None. */
    static final class Bool extends AnsibleFilter {
        Bool() {
            super("bool");
        }

        @Override
        protected Object apply(Object value, Args args, JinjavaInterpreter interpreter) {
            if (value == null || value instanceof Boolean) {
                return value;
            }
            String text = PyStr.str(value).toLowerCase(Locale.ROOT).strip();
            return text.equals("yes") || text.equals("on") || text.equals("1") || text.equals("true")
                || (value instanceof Number n && n.doubleValue() == 1);
        }
    }

    /** Jinja2's {@code int(default=0, base=10)}: "3.7" is 3, True is 1, garbage is the default. */
    static final class Int extends AnsibleFilter {
        Int() {
            super("int");
        }

        @Override
        protected Object apply(Object value, Args args, JinjavaInterpreter interpreter) {
            Object fallback = args.get(0, "default", 0);
            int base = ((Number) args.get(1, "base", 10)).intValue();
            if (value instanceof Boolean b) {
                return b ? 1 : 0;
            }
            if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
                return value;
            }
            if (value instanceof Number n) {
                return Natives.plain(new BigDecimal(n.doubleValue()).toBigInteger());
            }
            if (value instanceof String s) {
                String t = s.strip().replace("_", "");
                try {
                    String digits = t;
                    boolean negative = digits.startsWith("-");
                    if (negative || digits.startsWith("+")) {
                        digits = digits.substring(1);
                    }
                    String lower = digits.toLowerCase(Locale.ROOT);
                    if (base == 16 && lower.startsWith("0x") || base == 8 && lower.startsWith("0o")
                        || base == 2 && lower.startsWith("0b")) {
                        digits = digits.substring(2);
                    }
                    BigInteger parsed = new BigInteger(digits, base);
                    return Natives.plain(negative ? parsed.negate() : parsed);
                } catch (NumberFormatException e) {
                    try {
                        return Natives.plain(new BigDecimal(t).toBigInteger());
                    } catch (NumberFormatException e2) {
                        return fallback;
                    }
                }
            }
            return fallback;
        }
    }

    /** Jinja2's {@code float(default=0.0)}. */
    static final class FloatFilter extends AnsibleFilter {
        FloatFilter() {
            super("float");
        }

        @Override
        protected Object apply(Object value, Args args, JinjavaInterpreter interpreter) {
            if (value instanceof Boolean b) {
                return b ? 1.0 : 0.0;
            }
            if (value instanceof Number n) {
                return n.doubleValue();
            }
            if (value instanceof String s) {
                try {
                    return Double.parseDouble(s.strip());
                } catch (NumberFormatException e) {
                    return args.get(0, "default", 0.0);
                }
            }
            return args.get(0, "default", 0.0);
        }
    }

    /** Python {@code str()}. */
    static final class StringFilter extends AnsibleFilter {
        StringFilter() {
            super("string");
        }

        @Override
        protected Object apply(Object value, Args args, JinjavaInterpreter interpreter) {
            return value instanceof Undefined ? value : PyStr.str(value);
        }
    }

    /** {@code join(d='', attribute=None)} with Python str() of each item. */
    static final class Join extends AnsibleFilter {
        Join() {
            super("join");
        }

        @Override
        protected Object apply(Object value, Args args, JinjavaInterpreter interpreter) {
            if (value instanceof Undefined) {
                return value;
            }
            String sep = args.string(0, "d", "");
            String attribute = args.string(1, "attribute", null);
            List<String> parts = new ArrayList<>();
            for (Object item : Values.iterate(value, "join")) {
                Object v = attribute == null ? item : Values.attribute(item, attribute);
                parts.add(v == Values.MISSING ? "" : PyStr.str(v));
            }
            return String.join(sep, parts);
        }
    }

    /** {@code sort(reverse=False, case_sensitive=False, attribute=None)}; stable, like Python's. */
    static final class Sort extends AnsibleFilter {
        Sort() {
            super("sort");
        }

        @Override
        protected Object apply(Object value, Args args, JinjavaInterpreter interpreter) {
            boolean reverse = args.bool(0, "reverse", false);
            boolean caseSensitive = args.bool(1, "case_sensitive", false);
            String attribute = args.string(2, "attribute", null);
            List<Object> items = Values.iterate(value, "sort");
            Comparator<Object> cmp = (a, b) -> Values.compare(key(a, attribute), key(b, attribute), caseSensitive);
            items.sort(reverse ? cmp.reversed() : cmp);
            return items;
        }

        private Object key(Object item, String attribute) {
            if (attribute == null) {
                return item;
            }
            Object v = Values.attribute(item, attribute);
            if (v == Values.MISSING) {
                throw misuse("item has no attribute '" + attribute + "'");
            }
            return v;
        }
    }

    /** {@code unique(case_sensitive=False, attribute=None)}: first occurrence wins, order kept. */
    static final class Unique extends AnsibleFilter {
        Unique() {
            super("unique");
        }

        @Override
        protected Object apply(Object value, Args args, JinjavaInterpreter interpreter) {
            boolean caseSensitive = args.bool(0, "case_sensitive", false);
            String attribute = args.string(1, "attribute", null);
            List<Object> out = new ArrayList<>();
            java.util.Set<Object> seen = new java.util.HashSet<>();
            for (Object item : Values.iterate(value, "unique")) {
                Object key = attribute == null ? item : Values.attribute(item, attribute);
                if (!caseSensitive && key instanceof String s) {
                    key = s.toLowerCase(Locale.ROOT);
                }
                if (seen.add(key)) {
                    out.add(item);
                }
            }
            return out;
        }
    }

    /** {@code map('filter', args...)} or {@code map(attribute='a.b', default=x)}. */
    static final class MapFilter extends AnsibleFilter {
        MapFilter() {
            super("map");
        }

        @Override
        protected Object apply(Object value, Args args, JinjavaInterpreter interpreter) {
            List<Object> out = new ArrayList<>();
            List<Object> items = Values.iterate(value, "map");
            if (args.named().containsKey("attribute")) {
                String attribute = String.valueOf(args.named().get("attribute"));
                boolean hasDefault = args.named().containsKey("default");
                for (Object item : items) {
                    Object v = Values.attribute(item, attribute);
                    if (v == Values.MISSING) {
                        if (!hasDefault) {
                            throw new TemplateError("'dict object' has no attribute '" + attribute + "'", attribute);
                        }
                        v = args.named().get("default");
                    }
                    out.add(v);
                }
                return out;
            }
            if (args.size() == 0) {
                throw misuse("needs a filter name or attribute=");
            }
            String filterName = String.valueOf(args.get(0, null, null));
            Filter f = interpreter.getContext().getFilter(filterName);
            if (f == null) {
                throw new TemplateError("no filter named '" + filterName + "'", null);
            }
            Object[] rest = args.positionalFrom(1);
            for (Object item : items) {
                out.add(Natives.plain(f.filter(item, interpreter, rest, args.named())));
            }
            return out;
        }
    }

    /** {@code flatten(levels=None)}. */
    static final class Flatten extends AnsibleFilter {
        Flatten() {
            super("flatten");
        }

        @Override
        protected Object apply(Object value, Args args, JinjavaInterpreter interpreter) {
            Object levels = args.get(0, "levels", null);
            List<Object> out = new ArrayList<>();
            flatten(Values.iterate(value, "flatten"), levels == null ? -1 : ((Number) levels).intValue(), out);
            return out;
        }

        private static void flatten(List<?> items, int levels, List<Object> out) {
            for (Object item : items) {
                if (item instanceof Collection<?> c && levels != 0) {
                    flatten(new ArrayList<>(c), levels - 1, out);
                } else if (item != null) {
                    out.add(item);
                }
            }
        }
    }

    /** {@code min}/{@code max(attribute=None)}. */
    static final class MinMax extends AnsibleFilter {
        private final int sign;

        MinMax(String name, int sign) {
            super(name);
            this.sign = sign;
        }

        @Override
        protected Object apply(Object value, Args args, JinjavaInterpreter interpreter) {
            String attribute = args.string(-1, "attribute", null);
            Object best = null;
            Object bestKey = null;
            for (Object item : Values.iterate(value, getName())) {
                Object key = attribute == null ? item : Values.attribute(item, attribute);
                if (best == null || sign * Values.compare(key, bestKey, false) > 0) {
                    best = item;
                    bestKey = key;
                }
            }
            if (best == null) {
                throw misuse("empty sequence");
            }
            return best;
        }
    }

    /** {@code ternary(true_val, false_val, none_val=None)}. */
    static final class Ternary extends AnsibleFilter {
        Ternary() {
            super("ternary");
        }

        @Override
        protected Object apply(Object value, Args args, JinjavaInterpreter interpreter) {
            if (value == null && args.size() > 2) {
                return args.get(2, "none_val", null);
            }
            return Natives.truthy(value) ? args.get(0, "true_val", null) : args.get(1, "false_val", null);
        }
    }

    /** {@code first}: an empty sequence gives an undefined value, as in Jinja2. */
    static final class First extends AnsibleFilter {
        First() {
            super("first");
        }

        @Override
        protected Object apply(Object value, Args args, JinjavaInterpreter interpreter) {
            List<Object> items = Values.iterate(value, "first");
            if (items.isEmpty()) {
                throw new TemplateError("No first item, sequence was empty.", null);
            }
            return items.get(0);
        }
    }

    /** {@code last}. */
    static final class Last extends AnsibleFilter {
        Last() {
            super("last");
        }

        @Override
        protected Object apply(Object value, Args args, JinjavaInterpreter interpreter) {
            List<Object> items = Values.iterate(value, "last");
            if (items.isEmpty()) {
                throw new TemplateError("No last item, sequence was empty.", null);
            }
            return items.get(items.size() - 1);
        }
    }

    /** {@code list}: strings become characters, mappings their keys. */
    static final class ListFilter extends AnsibleFilter {
        ListFilter() {
            super("list");
        }

        @Override
        protected Object apply(Object value, Args args, JinjavaInterpreter interpreter) {
            return Values.iterate(value, "list");
        }
    }

    /** Python's {@code sum(iterable, start=0)} (integers stay integers), with Jinja2's attribute=. */
    static final class Sum extends AnsibleFilter {
        Sum() {
            super("sum");
        }

        @Override
        protected Object apply(Object value, Args args, JinjavaInterpreter interpreter) {
            String attribute = args.string(-1, "attribute", null);
            Object total = args.get(1, "start", 0);
            for (Object item : Values.iterate(value, "sum")) {
                Object v = attribute == null ? item : Values.attribute(item, attribute);
                if (!(v instanceof Number n) || !(total instanceof Number t)) {
                    throw misuse("unsupported operand types for +: '" + Values.typeName(total) + "' and '"
                        + Values.typeName(v) + "'");
                }
                if (n instanceof Double || t instanceof Double) {
                    total = t.doubleValue() + n.doubleValue();
                } else {
                    total = Natives.plain(BigInteger.valueOf(t.longValue()).add(BigInteger.valueOf(n.longValue())));
                }
            }
            return total;
        }
    }

    /** Ansible's {@code extract(container, morekeys=None)}: {@code container[value][morekeys...]}. */
    static final class Extract extends AnsibleFilter {
        Extract() {
            super("extract");
        }

        @Override
        protected Object apply(Object value, Args args, JinjavaInterpreter interpreter) {
            Object current = lookup(args.get(0, "container", null), value);
            Object more = args.get(1, "morekeys", null);
            if (more != null) {
                for (Object key : more instanceof List<?> l ? l : List.of(more)) {
                    current = lookup(current, key);
                }
            }
            return current;
        }

        private Object lookup(Object container, Object key) {
            if (container instanceof Map<?, ?> m) {
                if (m.containsKey(key) || m.containsKey(String.valueOf(key))) {
                    return m.containsKey(key) ? m.get(key) : m.get(String.valueOf(key));
                }
                throw new TemplateError("'dict object' has no attribute '" + key + "'", String.valueOf(key));
            }
            if (container instanceof List<?> l && key instanceof Number n && n.intValue() < l.size()) {
                return l.get(n.intValue());
            }
            throw new TemplateError("extract: cannot look up " + PyStr.repr(key) + " in " + Values.typeName(container),
                null);
        }
    }

    static Map<String, Object> orderedCopy(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}
