package dev.softwarefactory.actions;

import dev.softwarefactory.actions.BraceTokens.Kind;
import dev.softwarefactory.actions.BraceTokens.Token;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mutants of a JavaScript file's promised functions, found on its tokens (no JavaScript parser is
 * kept offline): a flipped comparison, a swapped arithmetic or {@code &&}/{@code ||} operator, a number
 * plus one, a boolean inverted, a statement dropped. Each is one text edit of the file, so a runner can
 * apply it, run the tests and undo it. Functions are found as declarations ({@code function f(}),
 * methods ({@code f(...) {}}), assignments of functions and arrows ({@code f = (a) => ...},
 * {@code exports.f = function}) and every method of a promised class.
 */
final class JsMutants {
    /** One edit: {@code original} at {@code start} in {@code file} becomes {@code replacement}. */
    record Mutant(String file, int line, String function, int start, String original, String replacement,
            String description) {
    }

    private record Range(String function, int from, int to) {
    }

    private static final Pattern CALLABLE = Pattern.compile(
            "^\\s*(?:export\\s+)?(?:async\\s+)?(?:function\\s*\\*?\\s+)?([A-Za-z_$][\\w$.]*)\\s*\\(");
    private static final Pattern CLASS = Pattern.compile("\\bclass\\s+([A-Za-z_$][\\w$]*)");
    private static final Map<String, String> CHANGED = Map.ofEntries(Map.entry("<", ">="), Map.entry("<=", ">"),
            Map.entry(">", "<="), Map.entry(">=", "<"), Map.entry("===", "!=="), Map.entry("!==", "==="),
            Map.entry("==", "!="), Map.entry("!=", "=="), Map.entry("+", "-"), Map.entry("-", "+"),
            Map.entry("*", "/"), Map.entry("/", "*"), Map.entry("%", "*"), Map.entry("&&", "||"),
            Map.entry("||", "&&"), Map.entry("+=", "-="), Map.entry("-=", "+="));
    private static final String OPERATOR_CHARS = "=!<>&|+-*/%?.";
    private static final Set<String> NOT_VALUES = Set.of("return", "typeof", "case", "in", "of", "new", "delete",
            "void", "throw", "instanceof", "else", "await", "yield");
    private static final Set<String> NOT_DROPPED = Set.of("return", "if", "for", "while", "const", "let", "var",
            "function", "class", "else", "do", "switch", "try", "catch", "finally", "break", "continue", "case",
            "default", "async", "yield", "debugger");
    private static final Set<String> CONTROL = Set.of("if", "for", "while", "switch", "catch", "with", "function");

    private final String file;
    private final String code;
    private final List<Token> tokens;
    private final List<Mutant> found = new ArrayList<>();

    private JsMutants(String file, String code) {
        this.file = file;
        this.code = code;
        this.tokens = BraceTokens.of(code).stream().filter(t -> t.kind() != Kind.COMMENT).toList();
    }

    /** Every mutant of the functions and classes {@code signatures} promise in {@code code}, in source order. */
    static List<Mutant> of(String file, String code, List<String> signatures) {
        JsMutants mutants = new JsMutants(file, code);
        Set<String> functions = new LinkedHashSet<>();
        Set<String> classes = new LinkedHashSet<>();
        for (String signature : signatures) {
            for (String piece : signature.split("[;\n]")) {
                Matcher klass = CLASS.matcher(piece);
                if (klass.find()) {
                    classes.add(klass.group(1));
                    piece = piece.substring(klass.end()).replaceFirst("^\\s*(extends\\s+[\\w$.]+)?\\s*[:{]?", "");
                }
                Matcher callable = CALLABLE.matcher(piece);
                if (callable.find()) {
                    String name = callable.group(1);
                    functions.add(name.substring(name.lastIndexOf('.') + 1));
                }
            }
        }
        int end = -1;
        for (Range range : mutants.ranges(functions, classes)) {
            if (range.from() > end) {
                mutants.mutate(range);
                end = range.to();
            }
        }
        return mutants.found;
    }

    private List<Range> ranges(Set<String> functions, Set<String> classes) {
        List<Range> ranges = new ArrayList<>();
        for (int k = 0; k < tokens.size(); k++) {
            Token token = tokens.get(k);
            if (token.kind() != Kind.WORD) {
                continue;
            }
            if (classes.contains(token.text()) && k > 0 && tokens.get(k - 1).text().equals("class")) {
                ranges.addAll(methods(token.text(), k));
            } else if (functions.contains(token.text()) && (k == 0 || !tokens.get(k - 1).is("."))
                    || functions.contains(token.text()) && k > 1 && tokens.get(k - 2).text().equals("exports")) {
                function(token.text(), k).ifPresent(ranges::add);
            }
        }
        ranges.sort((a, b) -> Integer.compare(a.from(), b.from()));
        return ranges;
    }

    /** The methods of the class whose name is at {@code k}: the functions at depth one of its body. */
    private List<Range> methods(String owner, int k) {
        List<Range> methods = new ArrayList<>();
        int open = k;
        while (open < tokens.size() && !tokens.get(open).is("{")) {
            open++;
        }
        int close = matching(open);
        for (int m = open + 1; m < close; m++) {
            Token token = tokens.get(m);
            if (token.kind() == Kind.WORD && m + 1 < close && tokens.get(m + 1).is("(") && !CONTROL.contains(token.text())) {
                int body = matching(m + 1) + 1;
                if (body < close && tokens.get(body).is("{")) {
                    methods.add(new Range(owner + "." + token.text(), body, matching(body)));
                    m = matching(body);
                }
            } else if (token.is("{")) {
                m = matching(m);
            }
        }
        return methods;
    }

    /** The body of the function named at {@code k}, if a function is defined there (not called). */
    private Optional<Range> function(String name, int k) {
        int m = k + 1;
        if (m < tokens.size() && (tokens.get(m).is("=") || tokens.get(m).is(":"))) {
            m++;
            while (m < tokens.size() && (tokens.get(m).text().equals("async") || tokens.get(m).text().equals("function")
                    || tokens.get(m).is("*"))) {
                m++;
            }
            if (m < tokens.size() && tokens.get(m).kind() == Kind.WORD && m + 1 < tokens.size()
                    && tokens.get(m + 1).is("(")) {
                m++;
            }
        }
        if (m >= tokens.size()) {
            return Optional.empty();
        }
        int afterParameters;
        if (tokens.get(m).is("(")) {
            afterParameters = matching(m) + 1;
        } else if (tokens.get(m).kind() == Kind.WORD && m + 1 < tokens.size() && tokens.get(m + 1).is("=>")) {
            afterParameters = m + 1;
        } else {
            return Optional.empty();
        }
        boolean arrow = afterParameters < tokens.size() && tokens.get(afterParameters).is("=>");
        int body = arrow ? afterParameters + 1 : afterParameters;
        if (body >= tokens.size()) {
            return Optional.empty();
        }
        if (tokens.get(body).is("{")) {
            return Optional.of(new Range(name, body, matching(body)));
        }
        return arrow ? Optional.of(new Range(name, body - 1, expressionEnd(body))) : Optional.empty();
    }

    private void mutate(Range range) {
        int parentheses = 0;
        for (int k = range.from() + 1; k < range.to(); k++) {
            Token token = tokens.get(k);
            parentheses += token.is("(") ? 1 : token.is(")") ? -1 : 0;
            if (token.kind() == Kind.PUNCT && OPERATOR_CHARS.contains(token.text())) {
                k = operator(range, k);
            } else if (token.kind() == Kind.WORD) {
                // Inside parentheses a semicolon separates a for loop's clauses, not statements.
                k = word(range, k, parentheses == 0);
            }
        }
    }

    /** Mutates the operator that starts at {@code k}, if it is one; returns its last token. */
    private int operator(Range range, int k) {
        int last = k;
        StringBuilder joined = new StringBuilder(tokens.get(k).text());
        while (last + 1 < range.to() && tokens.get(last + 1).kind() == Kind.PUNCT
                && OPERATOR_CHARS.contains(tokens.get(last + 1).text())
                && tokens.get(last + 1).start() == tokens.get(last).start() + 1) {
            last++;
            joined.append(tokens.get(last).text());
        }
        String operator = joined.toString();
        String replacement = CHANGED.get(operator);
        boolean binary = value(tokens.get(k - 1));
        // Joining text with a literal: the swapped operator would only make NaN of it.
        boolean text = operator.equals("+") && (tokens.get(k - 1).kind() == Kind.STRING
                || last + 1 < tokens.size() && tokens.get(last + 1).kind() == Kind.STRING);
        if (replacement != null && binary && !text) {
            add(range, tokens.get(k), operator, replacement, "`" + operator + "` became `" + replacement + "` in `"
                    + line(tokens.get(k)) + "`");
        }
        return last;
    }

    /** Mutates the word at {@code k} if it is a number, a boolean or a statement's start; returns its last token. */
    private int word(Range range, int k, boolean statements) {
        Token token = tokens.get(k);
        if (token.text().matches("\\d+")) {
            String number = token.text();
            int last = k;
            if (k + 2 < range.to() && tokens.get(k + 1).is(".") && tokens.get(k + 1).start() == token.start()
                    + number.length() && tokens.get(k + 2).text().matches("\\d+")) {
                number = number + "." + tokens.get(k + 2).text();
                last = k + 2;
            }
            String changed = new BigDecimal(number).add(BigDecimal.ONE).toPlainString();
            add(range, token, number, changed, "`" + number + "` became `" + changed + "` in `" + line(token) + "`");
            return last;
        } else if (token.text().equals("true") || token.text().equals("false")) {
            String changed = token.text().equals("true") ? "false" : "true";
            add(range, token, token.text(), changed, "`" + token.text() + "` became `" + changed + "` in `"
                    + line(token) + "`");
        } else if (statements && statementStart(tokens.get(k - 1)) && !NOT_DROPPED.contains(token.text())) {
            int end = statementEnd(k, range.to());
            if (end > 0) {
                Token semicolon = tokens.get(end);
                String statement = code.substring(token.start(), semicolon.start() + 1);
                add(range, token, statement, "void 0;", "`" + shortened(statement) + "` dropped");
            }
        }
        return k;
    }

    private void add(Range range, Token at, String original, String replacement, String description) {
        found.add(new Mutant(file, at.line(), range.function(), at.start(), original, replacement, description));
    }

    /** A token that ends a value, so an operator after it is binary: a name, a literal, a closing bracket. */
    private static boolean value(Token token) {
        return token.kind() == Kind.STRING || token.is(")") || token.is("]")
                || token.kind() == Kind.WORD && !NOT_VALUES.contains(token.text());
    }

    private static boolean statementStart(Token previous) {
        return previous.is("{") || previous.is("}") || previous.is(";");
    }

    /** The semicolon that ends the statement starting at {@code k}, or -1 when it ends without one. */
    private int statementEnd(int k, int limit) {
        int depth = 0;
        for (int m = k; m < limit; m++) {
            Token token = tokens.get(m);
            if (token.is("(") || token.is("[") || token.is("{")) {
                depth++;
            } else if (token.is(")") || token.is("]") || token.is("}")) {
                depth--;
                if (depth < 0) {
                    return -1;
                }
            } else if (token.is(";") && depth == 0) {
                return m;
            }
        }
        return -1;
    }

    /** The end of an arrow function's expression body: a comma, semicolon or closing bracket outside it. */
    private int expressionEnd(int k) {
        int depth = 0;
        for (int m = k; m < tokens.size(); m++) {
            Token token = tokens.get(m);
            if (token.is("(") || token.is("[") || token.is("{")) {
                depth++;
            } else if (token.is(")") || token.is("]") || token.is("}")) {
                if (--depth < 0) {
                    return m;
                }
            } else if ((token.is(";") || token.is(",")) && depth == 0) {
                return m;
            }
        }
        return tokens.size();
    }

    /** The token that closes the bracket opened at {@code open}. */
    private int matching(int open) {
        String opening = tokens.get(open).text();
        String closing = opening.equals("(") ? ")" : opening.equals("[") ? "]" : "}";
        int depth = 0;
        for (int m = open; m < tokens.size(); m++) {
            if (tokens.get(m).is(opening)) {
                depth++;
            } else if (tokens.get(m).is(closing) && --depth == 0) {
                return m;
            }
        }
        return tokens.size() - 1;
    }

    private String line(Token token) {
        int from = code.lastIndexOf('\n', token.start()) + 1;
        int to = code.indexOf('\n', token.start());
        return shortened(code.substring(from, to < 0 ? code.length() : to));
    }

    private static String shortened(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= 70 ? flat : flat.substring(0, 67) + "...";
    }
}
