package io.rmqfleet.controller.inventory;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code ast.literal_eval}, which Ansible's INI parser applies to every variable value
 * ({@code x=42} is an int, {@code x=[1,2]} a list, {@code x=yes} stays the string "yes").
 * A value that is not a Python literal (a syntax error or any other expression) stays the original string, exactly
 * as Ansible's {@code _parse_value} does. The one error Python raises beyond those, an unhashable dict key or set
 * element, is reported as {@link IllegalArgumentException}.
 */
final class PythonLiteral {
    /** CPython's tokenizer refuses more nested brackets than this ("too many nested parentheses"). */
    private static final int MAX_NESTING = 200;
    /** CPython 3.11 refuses decimal integer literals longer than this (sys.int_info.default_max_str_digits). */
    private static final int MAX_INT_DIGITS = 4300;

    private PythonLiteral() {
    }

    /** Ansible's {@code InventoryModule._parse_value}: the literal's value, or {@code text} itself. */
    static Object parseValue(String text) {
        Node node;
        try {
            node = new Parser(new Lexer(lstripSpacesAndTabs(text)).tokens()).parseEval();
        } catch (SyntaxError e) {
            return text;
        }
        try {
            Object value = convert(node);
            return value instanceof byte[] bytes ? decodeSurrogateEscape(bytes) : value;
        } catch (NotLiteral e) {
            return text;
        }
    }

    private static String lstripSpacesAndTabs(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return s.substring(i);
    }

    // ---------------------------------------------------------------- conversion (ast.literal_eval's _convert)

    private static Object convert(Node node) {
        if (node instanceof Const c) {
            return c.value();
        }
        if (node instanceof Seq seq) {
            List<Object> items = new ArrayList<>();
            for (Node element : seq.elements()) {
                Object value = convert(element);
                if (seq.kind() == SeqKind.SET) {
                    requireHashable(value);
                }
                items.add(jsonSafe(value));
            }
            return seq.kind() == SeqKind.TUPLE ? new PythonTuple(items) : items;
        }
        if (node instanceof EmptySetCall) {
            return new ArrayList<>();
        }
        if (node instanceof DictNode dict) {
            Map<Object, Object> map = new LinkedHashMap<>();
            Map<Object, Object> spelling = new LinkedHashMap<>();
            for (int i = 0; i < dict.keys().size(); i++) {
                if (dict.keys().get(i) == null) {
                    throw new NotLiteral(); // {**x}
                }
                Object key = convert(dict.keys().get(i));
                Object value = convert(dict.values().get(i));
                requireHashable(key);
                Object stored = spelling.computeIfAbsent(PythonKeys.equalityKey(jsonSafe(key)), k -> jsonSafe(key));
                map.put(stored, jsonSafe(value));
            }
            return map;
        }
        if (node instanceof BinOp bin) {
            Object left = convertSignedNumber(bin.left());
            Object right = convertNumber(bin.right());
            if ((left instanceof Number) && right instanceof Complex c) {
                return c.text(); // complex numbers have no JSON form; keep the literal's text
            }
        }
        return convertSignedNumber(node);
    }

    private static Object convertSignedNumber(Node node) {
        if (node instanceof Unary u && (u.op() == '+' || u.op() == '-')) {
            Object operand = convertNumber(u.operand());
            if (u.op() == '+') {
                return operand;
            }
            if (operand instanceof Long l) {
                return l == Long.MIN_VALUE ? BigInteger.valueOf(l).negate() : -l;
            }
            if (operand instanceof BigInteger b) {
                return normalize(b.negate());
            }
            if (operand instanceof Double d) {
                return -d;
            }
            return operand;
        }
        return convertNumber(node);
    }

    private static Object convertNumber(Node node) {
        if (node instanceof Const c && (c.value() instanceof Long || c.value() instanceof BigInteger
            || c.value() instanceof Double || c.value() instanceof Complex)) {
            return c.value();
        }
        throw new NotLiteral();
    }

    private static void requireHashable(Object value) {
        if (value instanceof PythonTuple tuple) {
            for (Object item : tuple) {
                requireHashable(item);
            }
        } else if (value instanceof List || value instanceof Map) {
            String type = value instanceof Map ? "dict" : "list";
            throw new IllegalArgumentException("unhashable type: '" + type + "'");
        }
    }

    /** Bytes and complex numbers inside containers: Ansible could not print them; keep them readable. */
    private static Object jsonSafe(Object value) {
        if (value instanceof byte[] bytes) {
            return decodeSurrogateEscape(bytes);
        }
        if (value instanceof Complex c) {
            return c.text();
        }
        return value;
    }

    private static Object normalize(BigInteger value) {
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }

    /** UTF-8 with Python's surrogateescape error handler, as Ansible's to_text does for a bytes literal. */
    static String decodeSurrogateEscape(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xff;
            int need;
            int cp;
            if (b < 0x80) {
                out.append((char) b);
                i++;
                continue;
            } else if (b >= 0xc2 && b <= 0xdf) {
                need = 1;
                cp = b & 0x1f;
            } else if (b >= 0xe0 && b <= 0xef) {
                need = 2;
                cp = b & 0x0f;
            } else if (b >= 0xf0 && b <= 0xf4) {
                need = 3;
                cp = b & 0x07;
            } else {
                out.append((char) (0xdc00 + b));
                i++;
                continue;
            }
            int j = 1;
            for (; j <= need && i + j < bytes.length; j++) {
                int cont = bytes[i + j] & 0xff;
                if ((cont & 0xc0) != 0x80) {
                    break;
                }
                cp = (cp << 6) | (cont & 0x3f);
            }
            boolean complete = j == need + 1;
            boolean valid = complete
                && !(need == 2 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff)))
                && !(need == 3 && (cp < 0x10000 || cp > 0x10ffff));
            if (valid) {
                out.appendCodePoint(cp);
                i += need + 1;
            } else {
                out.append((char) (0xdc00 + b));
                i++;
            }
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- AST of the accepted subset

    private sealed interface Node permits Const, Seq, DictNode, EmptySetCall, Unary, BinOp, Other {
    }

    private record Const(Object value) implements Node {
    }

    private enum SeqKind { TUPLE, LIST, SET }

    private record Seq(SeqKind kind, List<Node> elements) implements Node {
    }

    /** keys contain null for {@code **mapping} entries. */
    private record DictNode(List<Node> keys, List<Node> values) implements Node {
    }

    private record EmptySetCall() implements Node {
    }

    private record Unary(char op, Node operand) implements Node {
    }

    private record BinOp(char op, Node left, Node right) implements Node {
    }

    /** Valid Python that is not a literal (a name, a call, ...): literal_eval raises ValueError. */
    private record Other() implements Node {
    }

    private record Complex(String text) {
    }

    private static final class SyntaxError extends RuntimeException {
        SyntaxError() {
            super(null, null, false, false);
        }
    }

    private static final class NotLiteral extends RuntimeException {
        NotLiteral() {
            super(null, null, false, false);
        }
    }

    // ---------------------------------------------------------------- tokens

    private enum Kind { NUMBER, STRING, NAME, OP, END }

    /** For STRING: value is String, byte[] or null (f-string). */
    private record Token(Kind kind, String text, Object value) {
    }

    private static final class Lexer {
        private final String s;
        private int pos;
        private int level;

        Lexer(String s) {
            this.s = s;
        }

        List<Token> tokens() {
            List<Token> out = new ArrayList<>();
            while (true) {
                skipBlanks();
                if (pos >= s.length()) {
                    out.add(new Token(Kind.END, "", null));
                    return out;
                }
                char c = s.charAt(pos);
                if (c == '#') {
                    pos = s.length();
                    continue;
                }
                if (isDigit(c) || (c == '.' && pos + 1 < s.length() && isDigit(s.charAt(pos + 1)))) {
                    out.add(number());
                } else if (Character.isUnicodeIdentifierStart(s.codePointAt(pos)) || c == '_') {
                    int start = pos;
                    while (pos < s.length() && (Character.isUnicodeIdentifierPart(s.codePointAt(pos)))) {
                        pos += Character.charCount(s.codePointAt(pos));
                    }
                    String name = s.substring(start, pos);
                    if (pos < s.length() && (s.charAt(pos) == '\'' || s.charAt(pos) == '"') && isPrefix(name)) {
                        out.add(string(name.toLowerCase()));
                    } else {
                        out.add(new Token(Kind.NAME, name, null));
                    }
                } else if (c == '\'' || c == '"') {
                    out.add(string(""));
                } else {
                    out.add(operator());
                }
            }
        }

        private void skipBlanks() {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == ' ' || c == '\t' || c == '\f') {
                    pos++;
                } else {
                    return;
                }
            }
        }

        private Token operator() {
            char c = s.charAt(pos);
            if ("([{".indexOf(c) >= 0) {
                if (level >= MAX_NESTING) {
                    throw new SyntaxError();
                }
                level++;
            } else if (")]}".indexOf(c) >= 0) {
                level--;
            }
            // Multi-character operators never form a literal; one character is enough to classify them.
            if ("()[]{},:+-~.*/%@<>=!&|^;".indexOf(c) < 0) {
                throw new SyntaxError(); // '$', '?', '`', a stray backslash, unprintable characters ...
            }
            pos++;
            return new Token(Kind.OP, String.valueOf(c), null);
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private static boolean isPrefix(String name) {
            return switch (name.toLowerCase()) {
                case "r", "u", "b", "br", "rb", "f", "fr", "rf" -> true;
                default -> false;
            };
        }

        // -------------------------------------------------------------- numbers (CPython tokenizer rules)

        private Token number() {
            int start = pos;
            boolean isFloat = false;
            char c = s.charAt(pos);
            if (c == '0' && pos + 1 < s.length() && "xXoObB".indexOf(s.charAt(pos + 1)) >= 0) {
                char kind = Character.toLowerCase(s.charAt(pos + 1));
                pos += 2;
                int radix = kind == 'x' ? 16 : kind == 'o' ? 8 : 2;
                StringBuilder digits = new StringBuilder();
                do {
                    if (peek() == '_') {
                        pos++;
                    }
                    if (Character.digit(peek(), radix) < 0 || !isAsciiAlnum(peek())) {
                        throw new SyntaxError();
                    }
                    while (Character.digit(peek(), radix) >= 0 && isAsciiAlnum(peek())) {
                        digits.append(s.charAt(pos++));
                    }
                } while (peek() == '_');
                verifyEnd();
                return new Token(Kind.NUMBER, s.substring(start, pos), normalize(new BigInteger(digits.toString(), radix)));
            }
            if (c == '0') {
                boolean nonZero = false;
                while (true) {
                    if (peek() == '_') {
                        pos++;
                        if (!isDigit(peek())) {
                            throw new SyntaxError();
                        }
                    }
                    if (peek() != '0') {
                        break;
                    }
                    pos++;
                }
                if (isDigit(peek())) {
                    nonZero = true;
                    decimalTail();
                }
                if (peek() == '.') {
                    pos++;
                    isFloat = true;
                    fraction();
                } else if (peek() == 'e' || peek() == 'E') {
                    isFloat = true;
                    exponent();
                } else if (peek() == 'j' || peek() == 'J') {
                    return imaginary(start);
                } else if (nonZero) {
                    throw new SyntaxError(); // leading zeros in decimal integer literals are not permitted
                }
            } else if (c == '.') {
                isFloat = true;
                pos++;
                fraction();
            } else {
                decimalTail();
                if (peek() == '.') {
                    pos++;
                    isFloat = true;
                    fraction();
                } else if (peek() == 'e' || peek() == 'E') {
                    isFloat = true;
                    exponent();
                }
            }
            if (peek() == 'j' || peek() == 'J') {
                return imaginary(start);
            }
            verifyEnd();
            String text = s.substring(start, pos);
            String clean = text.replace("_", "");
            if (isFloat) {
                return new Token(Kind.NUMBER, text, Double.parseDouble(clean));
            }
            if (clean.length() > MAX_INT_DIGITS) {
                throw new SyntaxError();
            }
            return new Token(Kind.NUMBER, text, normalize(new BigInteger(clean)));
        }

        private void fraction() {
            if (isDigit(peek())) {
                decimalTail();
            }
            if (peek() == 'e' || peek() == 'E') {
                exponent();
            }
        }

        private void exponent() {
            pos++; // e or E
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw new SyntaxError();
            }
            decimalTail();
        }

        private Token imaginary(int start) {
            pos++;
            verifyEnd();
            String text = s.substring(start, pos);
            return new Token(Kind.NUMBER, text, new Complex(text));
        }

        private void decimalTail() {
            while (true) {
                while (isDigit(peek())) {
                    pos++;
                }
                if (peek() != '_') {
                    return;
                }
                pos++;
                if (!isDigit(peek())) {
                    throw new SyntaxError();
                }
            }
        }

        /** A number directly followed by a letter is "invalid decimal literal" (or a keyword: not a literal). */
        private void verifyEnd() {
            if (pos < s.length()) {
                int cp = s.codePointAt(pos);
                if (Character.isUnicodeIdentifierPart(cp) || cp == '_') {
                    throw new SyntaxError();
                }
            }
        }

        private char peek() {
            return pos < s.length() ? s.charAt(pos) : 0;
        }

        private static boolean isAsciiAlnum(char c) {
            return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }

        // -------------------------------------------------------------- strings

        private Token string(String prefix) {
            int start = pos - prefix.length();
            boolean raw = prefix.indexOf('r') >= 0;
            boolean bytes = prefix.indexOf('b') >= 0;
            boolean fString = prefix.indexOf('f') >= 0;
            char quote = s.charAt(pos);
            boolean triple = s.startsWith(String.valueOf(quote).repeat(3), pos);
            pos += triple ? 3 : 1;
            int bodyStart = pos;
            int bodyEnd;
            while (true) {
                if (pos >= s.length()) {
                    throw new SyntaxError(); // unterminated string literal
                }
                char c = s.charAt(pos);
                if (c == '\\') {
                    pos += 2;
                    continue;
                }
                if (c == quote && (!triple || s.startsWith(String.valueOf(quote).repeat(3), pos))) {
                    bodyEnd = pos;
                    pos += triple ? 3 : 1;
                    break;
                }
                pos++;
            }
            String body = s.substring(bodyStart, bodyEnd);
            String text = s.substring(start, pos);
            if (fString) {
                return new Token(Kind.STRING, text, null);
            }
            if (bytes) {
                for (int i = 0; i < body.length(); i++) {
                    if (body.charAt(i) > 0x7f) {
                        throw new SyntaxError(); // bytes can only contain ASCII literal characters
                    }
                }
                String decoded = raw ? body : unescape(body, true);
                byte[] out = new byte[decoded.length()];
                for (int i = 0; i < decoded.length(); i++) {
                    out[i] = (byte) decoded.charAt(i);
                }
                return new Token(Kind.STRING, text, out);
            }
            return new Token(Kind.STRING, text, raw ? body : unescape(body, false));
        }

        private static String unescape(String body, boolean bytes) {
            StringBuilder out = new StringBuilder();
            int i = 0;
            while (i < body.length()) {
                char c = body.charAt(i);
                if (c != '\\' || i + 1 >= body.length()) {
                    out.append(c);
                    i++;
                    continue;
                }
                char e = body.charAt(i + 1);
                i += 2;
                switch (e) {
                    case '\n' -> { }
                    case '\\' -> out.append('\\');
                    case '\'' -> out.append('\'');
                    case '"' -> out.append('"');
                    case 'a' -> out.append((char) 7);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'v' -> out.append((char) 11);
                    case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                        int value = e - '0';
                        for (int k = 0; k < 2 && i < body.length() && body.charAt(i) >= '0' && body.charAt(i) <= '7'; k++) {
                            value = value * 8 + (body.charAt(i++) - '0');
                        }
                        if (bytes) {
                            out.append((char) (value & 0xff));
                        } else {
                            out.appendCodePoint(value);
                        }
                    }
                    case 'x' -> {
                        out.appendCodePoint(hex(body, i, 2));
                        i += 2;
                    }
                    case 'u', 'U', 'N' -> {
                        if (bytes) {
                            out.append('\\').append(e);
                        } else if (e == 'N') {
                            int close = body.indexOf('}', i);
                            if (i >= body.length() || body.charAt(i) != '{' || close < 0) {
                                throw new SyntaxError();
                            }
                            try {
                                out.appendCodePoint(Character.codePointOf(body.substring(i + 1, close)));
                            } catch (IllegalArgumentException unknown) {
                                throw new SyntaxError();
                            }
                            i = close + 1;
                        } else {
                            int len = e == 'u' ? 4 : 8;
                            int cp = hex(body, i, len);
                            if (cp > 0x10ffff) {
                                throw new SyntaxError();
                            }
                            out.appendCodePoint(cp);
                            i += len;
                        }
                    }
                    default -> out.append('\\').append(e);
                }
            }
            return out.toString();
        }

        private static int hex(String body, int from, int len) {
            if (from + len > body.length()) {
                throw new SyntaxError();
            }
            int value = 0;
            for (int k = 0; k < len; k++) {
                int d = Character.digit(body.charAt(from + k), 16);
                if (d < 0 || body.charAt(from + k) > 0x7f) {
                    throw new SyntaxError();
                }
                value = value * 16 + d;
                if (value < 0) {
                    throw new SyntaxError();
                }
            }
            return value;
        }
    }

    // ---------------------------------------------------------------- parser (Python's eval-mode expression grammar, literal subset)

    private static final class Parser {
        private final List<Token> tokens;
        private int pos;

        Parser(List<Token> tokens) {
            this.tokens = tokens;
        }

        Node parseEval() {
            Node node = exprList(Kind.END, null);
            expect(Kind.END, null);
            return node;
        }

        /** {@code a}, {@code a,} or {@code a, b}: a tuple as soon as there is a comma. */
        private Node exprList(Kind endKind, String endText) {
            Node first = expression();
            if (!isOp(",")) {
                return first;
            }
            List<Node> items = new ArrayList<>();
            items.add(first);
            while (isOp(",")) {
                pos++;
                if (atEnd(endKind, endText)) {
                    break;
                }
                items.add(expression());
            }
            return new Seq(SeqKind.TUPLE, items);
        }

        private Node expression() {
            Node left = unary();
            while (isOp("+") || isOp("-")) {
                char op = tokens.get(pos++).text().charAt(0);
                left = new BinOp(op, left, unary());
            }
            if (peek().kind() == Kind.OP && ".*/%@<>=!&|^".contains(peek().text())) {
                throw new SyntaxError(); // any other operator: never a literal
            }
            return left;
        }

        private Node unary() {
            if (isOp("+") || isOp("-") || isOp("~")) {
                char op = tokens.get(pos++).text().charAt(0);
                return new Unary(op, unary());
            }
            return postfix(atom());
        }

        private Node postfix(Node atom) {
            while (isOp("(") || isOp("[") || isOp(".")) {
                throw new SyntaxError(); // calls, subscripts and attributes are never literals
            }
            return atom;
        }

        private Node atom() {
            Token t = tokens.get(pos++);
            switch (t.kind()) {
                case NUMBER:
                    return new Const(t.value());
                case STRING:
                    return strings(t);
                case NAME:
                    return name(t.text());
                case OP:
                    return switch (t.text()) {
                        case "(" -> parenthesized();
                        case "[" -> list();
                        case "{" -> braces();
                        default -> throw new SyntaxError();
                    };
                default:
                    throw new SyntaxError();
            }
        }

        private Node name(String name) {
            switch (name) {
                case "True":
                    return new Const(Boolean.TRUE);
                case "False":
                    return new Const(Boolean.FALSE);
                case "None":
                    return new Const(null);
                case "set":
                    if (isOp("(") && tokens.get(pos + 1).kind() == Kind.OP && tokens.get(pos + 1).text().equals(")")) {
                        pos += 2;
                        if (isOp("(") || isOp("[") || isOp(".")) {
                            throw new SyntaxError();
                        }
                        return new EmptySetCall();
                    }
                    return other();
                default:
                    return other();
            }
        }

        private Node other() {
            if (isOp("(") || isOp("[") || isOp(".")) {
                throw new SyntaxError(); // call/subscript/attribute: not a literal either way
            }
            return new Other();
        }

        /** Adjacent string literals are one constant; bytes and text cannot mix; an f-string is not a literal. */
        private Node strings(Token first) {
            List<Token> parts = new ArrayList<>();
            parts.add(first);
            while (peek().kind() == Kind.STRING) {
                parts.add(tokens.get(pos++));
            }
            boolean anyBytes = parts.stream().anyMatch(p -> p.value() instanceof byte[]);
            boolean anyText = parts.stream().anyMatch(p -> !(p.value() instanceof byte[]));
            if (anyBytes && anyText) {
                throw new SyntaxError();
            }
            if (parts.stream().anyMatch(p -> p.value() == null)) {
                return new Other();
            }
            if (anyBytes) {
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                parts.forEach(p -> out.writeBytes((byte[]) p.value()));
                return new Const(out.toByteArray());
            }
            StringBuilder text = new StringBuilder();
            parts.forEach(p -> text.append((String) p.value()));
            return new Const(text.toString());
        }

        private Node parenthesized() {
            if (isOp(")")) {
                pos++;
                return new Seq(SeqKind.TUPLE, List.of());
            }
            Node inner = exprList(Kind.OP, ")");
            expect(Kind.OP, ")");
            return inner;
        }

        private Node list() {
            List<Node> items = new ArrayList<>();
            while (!isOp("]")) {
                items.add(expression());
                if (isOp(",")) {
                    pos++;
                } else if (!isOp("]")) {
                    throw new SyntaxError();
                }
            }
            pos++;
            return new Seq(SeqKind.LIST, items);
        }

        private Node braces() {
            if (isOp("}")) {
                pos++;
                return new DictNode(List.of(), List.of());
            }
            if (isOp("*") ) {
                throw new SyntaxError();
            }
            Node first = expression();
            if (isOp(":")) {
                List<Node> keys = new ArrayList<>();
                List<Node> values = new ArrayList<>();
                pos++;
                keys.add(first);
                values.add(expression());
                while (isOp(",")) {
                    pos++;
                    if (isOp("}")) {
                        break;
                    }
                    keys.add(expression());
                    expect(Kind.OP, ":");
                    values.add(expression());
                }
                expect(Kind.OP, "}");
                return new DictNode(keys, values);
            }
            List<Node> items = new ArrayList<>();
            items.add(first);
            while (isOp(",")) {
                pos++;
                if (isOp("}")) {
                    break;
                }
                items.add(expression());
            }
            expect(Kind.OP, "}");
            return new Seq(SeqKind.SET, items);
        }

        private boolean atEnd(Kind kind, String text) {
            Token t = peek();
            return t.kind() == kind && (text == null || t.text().equals(text));
        }

        private void expect(Kind kind, String text) {
            if (!atEnd(kind, text)) {
                throw new SyntaxError();
            }
            pos++;
        }

        private boolean isOp(String op) {
            Token t = peek();
            return t.kind() == Kind.OP && t.text().equals(op);
        }

        private Token peek() {
            return tokens.get(Math.min(pos, tokens.size() - 1));
        }
    }
}
