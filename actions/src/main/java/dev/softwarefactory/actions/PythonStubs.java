package dev.softwarefactory.actions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python stubs, found by indentation: a function whose body, after its docstring, is only
 * {@code pass}, {@code ...} or {@code raise NotImplementedError}. Abstract methods, overloads,
 * Protocol members and base-class methods that a class of the same file overrides are not stubs.
 */
final class PythonStubs {
    private static final Pattern DEF = Pattern.compile("^(\\s*)(?:async\\s+)?def\\s+(\\w+)\\s*\\(");
    private static final Pattern CLASS = Pattern.compile("^(\\s*)class\\s+(\\w+)\\s*(?:\\((.*)\\))?\\s*:");
    private static final Pattern DOCSTRING = Pattern.compile("^[rRuUbB]{0,2}(\"\"\"|'''|\"|')");
    private static final String CALL_ARGS = "(?:\\s*\\((?:[^()]|\\([^()]*\\))*\\))?";
    private static final Pattern NOT_IMPLEMENTED = Pattern.compile(
            "(?:raise\\s+NotImplementedError" + CALL_ARGS + "\\s*;?\\s*)+");
    private static final Pattern PASS_OR_ELLIPSIS = Pattern.compile("(?:(?:pass|\\.\\.\\.)\\s*;?\\s*)+");
    private static final Pattern EXEMPT_DECORATOR = Pattern.compile(
            "@(?:\\w+\\.)*(?:abstractmethod|abstractproperty|abstractclassmethod|abstractstaticmethod|overload)\\b");
    private static final Pattern ABSTRACT_BASE = Pattern.compile("\\b(?:Protocol|ABC|ABCMeta)\\b");

    private record Def(String name, String owner, List<String> body, boolean exempt) {
    }

    private PythonStubs() {
    }

    static List<String> find(String code) {
        String masked = PythonSource.mask(code);
        String[] lines = masked.split("\n", -1);
        if (masked.isBlank()) {
            return code.matches("(?is).*\\b(TODO|FIXME|implement)\\b.*") ? List.of("the file (only comments)")
                    : List.of();
        }
        Map<String, List<String>> basesOf = new HashMap<>();
        Map<String, Set<String>> methodsOf = new HashMap<>();
        List<Def> defs = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            Matcher cls = CLASS.matcher(lines[i]);
            if (cls.find()) {
                basesOf.put(cls.group(2), cls.group(3) == null ? List.of() : List.of(cls.group(3).split(",")));
            }
            Matcher def = DEF.matcher(lines[i]);
            if (def.find()) {
                Def found = read(lines, i, def, basesOf);
                defs.add(found);
                if (found.owner() != null) {
                    methodsOf.computeIfAbsent(found.owner(), c -> new HashSet<>()).add(found.name());
                }
            }
        }
        List<String> stubs = new ArrayList<>();
        for (Def def : defs) {
            String why = why(String.join("\n", def.body()).strip());
            if (why != null && !def.exempt() && !overridden(def, basesOf, methodsOf)) {
                stubs.add((def.owner() == null ? "" : def.owner() + ".") + def.name() + " (" + why + ")");
            }
        }
        return stubs;
    }

    private static Def read(String[] lines, int at, Matcher def, Map<String, List<String>> basesOf) {
        int indent = def.group(1).length();
        int line = at;
        int column = def.end();
        int depth = 1;
        while (line < lines.length) {
            String text = lines[line];
            for (; column < text.length(); column++) {
                char c = text.charAt(column);
                if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if (c == ')' || c == ']' || c == '}') {
                    depth--;
                } else if (c == ':' && depth == 0) {
                    break;
                }
            }
            if (column < text.length()) {
                break;
            }
            line++;
            column = 0;
        }
        List<String> body = new ArrayList<>();
        if (line < lines.length && !lines[line].substring(column + 1).isBlank()) {
            body.add(lines[line].substring(column + 1).strip());
        } else {
            for (int k = line + 1; k < lines.length && (lines[k].isBlank() || indentOf(lines[k]) > indent); k++) {
                body.add(lines[k]);
            }
        }
        String owner = owner(lines, at, indent);
        boolean exempt = decorators(lines, at, indent).stream().anyMatch(d -> EXEMPT_DECORATOR.matcher(d).find())
                || (owner != null && basesOf.getOrDefault(owner, List.of()).stream()
                        .anyMatch(b -> ABSTRACT_BASE.matcher(b).find()));
        return new Def(def.group(2), owner, body, exempt);
    }

    /** Why a masked body is a stub, or null when it does something. */
    private static String why(String body) {
        String rest = body;
        Matcher doc = DOCSTRING.matcher(rest);
        boolean documented = doc.find();
        if (documented) {
            int end = rest.indexOf(doc.group(1), doc.end());
            rest = end < 0 ? "" : rest.substring(end + doc.group(1).length()).strip();
        }
        if (rest.isEmpty()) {
            return documented ? "only a docstring" : "empty";
        }
        if (NOT_IMPLEMENTED.matcher(rest).matches()) {
            return "only raises NotImplementedError";
        }
        if (PASS_OR_ELLIPSIS.matcher(rest).matches()) {
            return "only " + (rest.startsWith("pass") ? "pass" : "...");
        }
        return null;
    }

    /** A base-class method that a class of the same file overrides is a hook, not a stub. */
    private static boolean overridden(Def def, Map<String, List<String>> basesOf, Map<String, Set<String>> methodsOf) {
        if (def.owner() == null) {
            return false;
        }
        return basesOf.entrySet().stream().anyMatch(c -> c.getValue().stream()
                .map(b -> b.strip().replaceAll(".*\\.", ""))
                .anyMatch(def.owner()::equals)
                && methodsOf.getOrDefault(c.getKey(), Set.of()).contains(def.name()));
    }

    private static String owner(String[] lines, int at, int indent) {
        for (int k = at - 1; k >= 0; k--) {
            if (!lines[k].isBlank() && indentOf(lines[k]) < indent) {
                Matcher cls = CLASS.matcher(lines[k]);
                return cls.find() ? cls.group(2) : null;
            }
        }
        return null;
    }

    private static List<String> decorators(String[] lines, int at, int indent) {
        List<String> found = new ArrayList<>();
        for (int k = at - 1; k >= 0 && (lines[k].isBlank() || lines[k].strip().startsWith("@")); k--) {
            if (!lines[k].isBlank() && indentOf(lines[k]) == indent) {
                found.add(lines[k].strip());
            }
        }
        return found;
    }

    private static int indentOf(String line) {
        int width = 0;
        for (int k = 0; k < line.length(); k++) {
            char c = line.charAt(k);
            if (c == ' ') {
                width++;
            } else if (c == '\t') {
                width += 8 - width % 8;
            } else {
                break;
            }
        }
        return width;
    }
}
