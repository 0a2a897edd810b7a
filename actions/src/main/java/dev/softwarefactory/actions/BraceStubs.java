package dev.softwarefactory.actions;

import dev.softwarefactory.actions.BraceTokens.Kind;
import dev.softwarefactory.actions.BraceTokens.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Stubs in brace languages: a function body that only throws "not implemented" (an
 * UnsupportedOperationException without a message of its own, NotImplementedException, an Error
 * saying so), calls {@code todo!()}, {@code TODO()} or {@code panic("not implemented")}, or is empty
 * or returns a placeholder under a TODO comment. An empty body alone is fine (private constructors,
 * no-op callbacks).
 */
final class BraceStubs {
    private static final Set<String> CONTROL = Set.of("if", "for", "while", "switch", "catch", "synchronized",
            "with", "foreach", "using", "lock", "fixed", "try", "return", "when", "match", "else", "do", "finally",
            "until", "unless", "loop");
    private static final Set<String> TYPE_KEYWORDS = Set.of("new", "class", "record", "interface", "enum", "struct",
            "object", "impl", "trait");
    private static final Set<String> TAIL_PUNCT = Set.of(".", ",", "<", ">", "[", "]", "?", "|", "&", "*", ":", "->",
            "::");
    private static final String NOT_IMPLEMENTED_WORDS =
            "(?i).*\\b(not\\s*(yet\\s*)?implemented|unimplemented|implement\\s*(me|this)|todo|fixme|stub)\\b.*";
    private static final Pattern TODO_COMMENT = Pattern.compile("(?is).*\\b(TODO|FIXME|XXX|implement)\\b.*");
    private static final Pattern THROW = Pattern.compile(
            "throw (?:new )?(?:\\w+ \\. )*(\\w+) \\( (?:\"([^\"]*)\" )?\\)(?: ;)?|throw \"([^\"]*)\"(?: ;)?");
    private static final Pattern MACRO_OR_CALL = Pattern.compile(
            "(?:todo|unimplemented) ! \\( .*\\)(?: ;)?|TODO \\( (?:\"[^\"]*\" )?\\)(?: ;)?|panic \\( \"([^\"]*)\" \\)(?: ;)?");
    private static final Pattern PLACEHOLDER_RETURN = Pattern.compile(
            "return(?: (?:null|nil|None|undefined|0|-1|false|\"\"|\\[ \\]|\\{ \\}|Optional \\. empty \\( \\)))?(?: ;)?");

    private BraceStubs() {
    }

    static List<String> find(String code) {
        List<Token> all = BraceTokens.of(code);
        List<Token> sig = all.stream().filter(t -> t.kind() != Kind.COMMENT).toList();
        if (sig.isEmpty()) {
            String comments = all.stream().map(Token::text).collect(Collectors.joining("\n"));
            return TODO_COMMENT.matcher(comments).matches() ? List.of("the file (only comments)") : List.of();
        }
        List<String> stubs = new ArrayList<>();
        for (int p = 0; p < sig.size(); p++) {
            if (!sig.get(p).is("{")) {
                continue;
            }
            String name = functionName(sig, p);
            if (name == null) {
                continue;
            }
            int close = matching(sig, p, "{", "}", 1);
            String why = why(body(all, sig.get(p), close < 0 ? null : sig.get(close)));
            if (why != null) {
                stubs.add(name + " (" + why + ")");
            }
        }
        return stubs;
    }

    /** The name of the function whose body opens at {@code open}, or null when the brace opens something else. */
    private static String functionName(List<Token> sig, int open) {
        int k = open - 1;
        if (k >= 0 && (sig.get(k).is("=>") || sig.get(k).is("->"))) {
            return "the lambda on line " + sig.get(open).line();
        }
        for (int steps = 0; k >= 0 && !sig.get(k).is(")"); k--, steps++) {
            Token t = sig.get(k);
            boolean typePart = (t.kind() == Kind.WORD && !CONTROL.contains(t.text()) && !TYPE_KEYWORDS.contains(t.text()))
                    || (t.kind() == Kind.PUNCT && TAIL_PUNCT.contains(t.text()));
            if (!typePart || steps > 16) {
                return null;
            }
        }
        int before = k;
        while (before >= 0 && sig.get(before).is(")")) {
            int paren = matching(sig, before, ")", "(", -1);
            if (paren < 0) {
                return null;
            }
            before = paren - 1;
        }
        if (before < 0 || sig.get(before).kind() != Kind.WORD || CONTROL.contains(sig.get(before).text())) {
            return null;
        }
        if (before > 0 && (TYPE_KEYWORDS.contains(sig.get(before - 1).text()) || sig.get(before - 1).is("@"))) {
            return null;
        }
        String name = sig.get(before).text();
        return name.equals("function") ? "the function on line " + sig.get(open).line() : name;
    }

    private static int matching(List<Token> sig, int from, String self, String other, int step) {
        int depth = 0;
        for (int k = from; k >= 0 && k < sig.size(); k += step) {
            if (sig.get(k).is(self)) {
                depth++;
            } else if (sig.get(k).is(other) && --depth == 0) {
                return k;
            }
        }
        return -1;
    }

    private static List<Token> body(List<Token> all, Token open, Token close) {
        int from = at(all, open) + 1;
        return all.subList(from, close == null ? all.size() : at(all, close));
    }

    /** Tokens are records equal by value, so a body's ends are found by identity. */
    private static int at(List<Token> all, Token token) {
        for (int k = 0; k < all.size(); k++) {
            if (all.get(k) == token) {
                return k;
            }
        }
        throw new IllegalArgumentException("not a token of this source");
    }

    /** Why a body is a stub, or null when it does something. */
    private static String why(List<Token> body) {
        String comments = body.stream().filter(t -> t.kind() == Kind.COMMENT).map(Token::text)
                .collect(Collectors.joining("\n"));
        boolean todo = TODO_COMMENT.matcher(comments).matches();
        String code = body.stream().filter(t -> t.kind() != Kind.COMMENT)
                .map(t -> t.kind() == Kind.STRING ? "\"" + t.text().replace('"', '\'') + "\"" : t.text())
                .collect(Collectors.joining(" "));
        if (code.isEmpty()) {
            return todo ? "empty, with a TODO" : null;
        }
        var thrown = THROW.matcher(code);
        if (thrown.matches()) {
            return notImplemented(thrown.group(1), thrown.group(1) == null ? thrown.group(3) : thrown.group(2))
                    ? "only throws " + (thrown.group(1) == null ? "\"" + thrown.group(3) + "\"" : thrown.group(1))
                    : null;
        }
        var call = MACRO_OR_CALL.matcher(code);
        if (call.matches()) {
            return call.group(1) == null || call.group(1).matches(NOT_IMPLEMENTED_WORDS)
                    ? "only " + code.split(" ")[0] + " (not implemented)" : null;
        }
        if (todo && PLACEHOLDER_RETURN.matcher(code).matches()) {
            return "returns a placeholder, with a TODO";
        }
        return null;
    }

    private static boolean notImplemented(String type, String message) {
        if (type != null && type.startsWith("NotImplemented") || "UnimplementedError".equals(type)) {
            return true;
        }
        if ("UnsupportedOperationException".equals(type) && message == null) {
            return true;
        }
        return message != null && message.matches(NOT_IMPLEMENTED_WORDS);
    }
}
