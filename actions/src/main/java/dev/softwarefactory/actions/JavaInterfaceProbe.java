package dev.softwarefactory.actions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Java class per package that calls every method and constructor the design promised, compiled
 * against the project's classes: a missing method, another parameter list or a void where a value was
 * promised is a compile error on the probe line, which names the file and the promised signature.
 * Arguments are typed defaults ({@code (int) 0}) for primitives and {@code null} otherwise, so any
 * reference type is accepted; overloads that differ only in reference types would be ambiguous.
 */
final class JavaInterfaceProbe {
    static final String CLASS = "SfInterfaceProbe";
    private static final Set<String> PRIMITIVES = Set.of("int", "long", "double", "float", "boolean", "char",
            "byte", "short");
    private static final Pattern METHOD = Pattern.compile("^\\s*(?:@\\w+\\s+)*(?:(?:public|protected|private|static"
            + "|final|abstract|synchronized|default|native)\\s+)*(?:<[^>]*>\\s+)?([\\w.$\\[\\]<>?, ]+?)\\s+(\\w+)\\s*"
            + "\\((.*)\\)\\s*(?:throws\\s+[\\w.$, ]+)?\\s*[;{]?\\s*$", Pattern.DOTALL);
    private static final Pattern CONSTRUCTOR = Pattern.compile("^\\s*(?:public|protected|private)?\\s*(\\w+)\\s*"
            + "\\((.*)\\)\\s*(?:throws\\s+[\\w.$, ]+)?\\s*[;{]?\\s*$", Pattern.DOTALL);

    private JavaInterfaceProbe() {
    }

    /** Probe source files by path under {@code dir}, one per package of the promised files. */
    static Map<String, String> sources(Map<String, List<String>> promised, String dir) {
        Map<String, StringBuilder> bodies = new LinkedHashMap<>();
        int call = 0;
        for (Map.Entry<String, List<String>> file : promised.entrySet()) {
            String qualified = className(file.getKey());
            String simple = qualified.substring(qualified.lastIndexOf('.') + 1);
            String pkg = qualified.contains(".") ? qualified.substring(0, qualified.lastIndexOf('.')) : "";
            StringBuilder body = bodies.computeIfAbsent(pkg, p -> new StringBuilder());
            for (String signature : file.getValue()) {
                String where = " // " + file.getKey() + ": " + signature.strip().replaceAll("\\s+", " ");
                body.append(probeLine(simple, signature.strip(), call++)).append(where).append('\n');
            }
        }
        Map<String, String> sources = new LinkedHashMap<>();
        bodies.forEach((pkg, body) -> sources.put(dir + "/" + (pkg.isEmpty() ? "" : pkg.replace('.', '/') + "/")
                + CLASS + ".java", (pkg.isEmpty() ? "" : "package " + pkg + ";\n\n")
                + "@SuppressWarnings(\"all\")\nfinal class " + CLASS + " {\n    static void probe() throws Throwable {\n"
                + body + "    }\n}\n"));
        return sources;
    }

    private static String probeLine(String type, String signature, int call) {
        if (signature.matches("(?s).*\\b(class|interface|enum|record)\\s+" + type + "\\b.*")) {
            return "        Class<?> c" + call + " = " + type + ".class;";
        }
        Matcher constructor = CONSTRUCTOR.matcher(signature);
        if (constructor.matches() && constructor.group(1).equals(type)) {
            return "        Object c" + call + " = new " + type + "(" + arguments(constructor.group(2)) + ");";
        }
        Matcher method = METHOD.matcher(signature);
        if (!method.matches()) {
            return "        // not a method signature, not checked:";
        }
        // An instance call compiles for static methods too, so the probe need not know which it is.
        String invocation = "((" + type + ") null)." + method.group(2) + "(" + arguments(method.group(3)) + ")";
        String returned = method.group(1).strip();
        if (returned.equals("void")) {
            return "        " + invocation + ";";
        }
        return "        " + (PRIMITIVES.contains(returned) ? returned : "Object") + " r" + call + " = " + invocation + ";";
    }

    private static String arguments(String parameters) {
        List<String> arguments = new ArrayList<>();
        for (String parameter : split(parameters)) {
            String declared = parameter.replaceAll("@\\w+\\s*", "").replaceAll("\\bfinal\\s+", "").strip();
            String type = declared.contains(" ") ? declared.substring(0, declared.lastIndexOf(' ')).strip() : declared;
            arguments.add(PRIMITIVES.contains(type) ? "(" + type + ") " + (type.equals("boolean") ? "false" : "0")
                    : "null");
        }
        return String.join(", ", arguments);
    }

    /** Parameters split on the commas outside type arguments. */
    private static List<String> split(String parameters) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        StringBuilder part = new StringBuilder();
        for (char c : parameters.toCharArray()) {
            depth += c == '<' ? 1 : c == '>' ? -1 : 0;
            if (c == ',' && depth == 0) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts.stream().filter(p -> !p.isBlank()).toList();
    }

    /** src/main/java/calc/Calc.java is calc.Calc; a file outside a source root is named from its path. */
    static String className(String path) {
        String withoutExtension = path.substring(0, path.length() - ".java".length());
        int root = withoutExtension.indexOf("java/");
        return (root >= 0 ? withoutExtension.substring(root + "java/".length()) : withoutExtension).replace('/', '.');
    }
}
