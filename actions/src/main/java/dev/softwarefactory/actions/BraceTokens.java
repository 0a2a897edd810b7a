package dev.softwarefactory.actions;

import java.util.ArrayList;
import java.util.List;

/**
 * The tokens of a brace language's source (Java, JavaScript, TypeScript, Go, Kotlin, Rust, C#):
 * enough to find function bodies without being fooled by braces in strings, comments, template
 * literals or regular expressions.
 */
final class BraceTokens {
    enum Kind { WORD, PUNCT, STRING, COMMENT }

    /** A token; a string's text is its content without the quotes; {@code start} is its offset in the code. */
    record Token(Kind kind, String text, int line, int start) {
        boolean is(String punct) {
            return kind == Kind.PUNCT && text.equals(punct);
        }
    }

    private static final String REGEX_MAY_FOLLOW = "(,=:[!&|?{};+-*%<>~^";

    private final String code;
    private final List<Token> tokens = new ArrayList<>();
    private int i;
    private int line = 1;
    private int start;

    private BraceTokens(String code) {
        this.code = code;
    }

    static List<Token> of(String code) {
        BraceTokens reader = new BraceTokens(code);
        reader.read();
        return reader.tokens;
    }

    private void read() {
        while (i < code.length()) {
            char c = code.charAt(i);
            start = i;
            if (c == '\n') {
                line++;
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (code.startsWith("//", i)) {
                add(Kind.COMMENT, until("\n", i + 2, false));
            } else if (code.startsWith("/*", i)) {
                add(Kind.COMMENT, until("*/", i + 2, true));
            } else if (code.startsWith("\"\"\"", i)) {
                add(Kind.STRING, until("\"\"\"", i + 3, true));
            } else if (c == '"' || c == '\'' || c == '`') {
                quoted(c);
            } else if (c == '/' && regexMayStart()) {
                regex();
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
                while (i < code.length() && (Character.isLetterOrDigit(code.charAt(i)) || code.charAt(i) == '_'
                        || code.charAt(i) == '$')) {
                    i++;
                }
                add(Kind.WORD, code.substring(start, i));
            } else if (code.startsWith("=>", i) || code.startsWith("->", i) || code.startsWith("::", i)) {
                add(Kind.PUNCT, code.substring(i, i + 2));
                i += 2;
            } else {
                add(Kind.PUNCT, String.valueOf(c));
                i++;
            }
        }
    }

    private String until(String end, int from, boolean consumeEnd) {
        int stop = code.indexOf(end, from);
        int to = stop < 0 ? code.length() : stop;
        String text = code.substring(from, to);
        line += (int) text.chars().filter(ch -> ch == '\n').count();
        i = stop < 0 ? code.length() : (consumeEnd ? stop + end.length() : stop);
        return text;
    }

    private void quoted(char quote) {
        int from = i + 1;
        int k = from;
        while (k < code.length() && code.charAt(k) != quote && (quote == '`' || code.charAt(k) != '\n')) {
            k += code.charAt(k) == '\\' ? 2 : 1;
        }
        if (k >= code.length() || code.charAt(k) != quote) {
            add(Kind.PUNCT, String.valueOf(quote));
            i++;
            return;
        }
        String text = code.substring(from, k);
        add(Kind.STRING, text);
        line += (int) text.chars().filter(ch -> ch == '\n').count();
        i = k + 1;
    }

    private boolean regexMayStart() {
        if (tokens.isEmpty()) {
            return true;
        }
        Token last = tokens.get(tokens.size() - 1);
        return last.kind() == Kind.PUNCT ? REGEX_MAY_FOLLOW.contains(last.text())
                : last.kind() == Kind.WORD && (last.text().equals("return") || last.text().equals("typeof"));
    }

    private void regex() {
        int k = i + 1;
        boolean inClass = false;
        while (k < code.length() && code.charAt(k) != '\n') {
            char c = code.charAt(k);
            if (c == '\\') {
                k += 2;
                continue;
            }
            if (c == '[') {
                inClass = true;
            } else if (c == ']') {
                inClass = false;
            } else if (c == '/' && !inClass) {
                add(Kind.STRING, code.substring(i + 1, k));
                i = k + 1;
                return;
            }
            k++;
        }
        add(Kind.PUNCT, "/");
        i++;
    }

    private void add(Kind kind, String text) {
        tokens.add(new Token(kind, text, line, start));
    }
}
