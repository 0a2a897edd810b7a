package dev.softwarefactory.actions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.softwarefactory.runtime.Workspace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The machine-readable part of a system design (WriteDesign's last ```json block): language, the
 * source files the Engineer writes, the test files QA writes, the public interface of every code
 * file, pinned dependencies, and the build and test commands.
 */
public record Design(Toolchain toolchain, String languageVersion, List<String> files, List<String> testFiles,
        Map<String, List<String>> interfaces, List<Dependency> dependencies, List<String> buildCommand,
        List<String> testCommand) {
    /** The first line of a design whose dependency list the Architect revised (ReviseDependencies). */
    public static final String REVISED = "> Revised: the dependency list (see the end of this design).";

    /** True for a design the Architect revised after a dependency problem, rather than a first design. */
    public static boolean revised(String designText) {
        return designText.startsWith(REVISED);
    }

    /** Parses and checks a WriteDesign answer; {@link AnswerRejected} says what is wrong. */
    public static Design parse(String answer) {
        JsonNode node = ModelAnswers.lastJsonObject(answer);
        Toolchain toolchain = Toolchain.of(ModelAnswers.text(node, "language"));
        String version = ModelAnswers.text(node, "language_version");
        List<String> files = paths(node, "files");
        List<String> testFiles = paths(node, "test_files");
        Set<String> all = new HashSet<>(files);
        for (String test : testFiles) {
            if (!all.add(test)) {
                throw new AnswerRejected("\"test_files\" repeats a file of \"files\": " + test);
            }
        }
        toolchain.buildFile().filter(f -> !files.contains(f)).ifPresent(f -> {
            throw new AnswerRejected("a " + toolchain.language() + " project needs " + f + " in \"files\"");
        });
        Map<String, List<String>> interfaces = interfaces(node, files, toolchain);
        return new Design(toolchain, version, files, testFiles, interfaces, dependencies(node),
                ModelAnswers.strings(node, "build_command", true), ModelAnswers.strings(node, "test_command", false));
    }

    /** Source and test files: every file the project consists of. */
    public List<String> allFiles() {
        List<String> all = new ArrayList<>(files);
        all.addAll(testFiles);
        return all;
    }

    private static List<String> paths(JsonNode node, String field) {
        List<String> paths = ModelAnswers.strings(node, field, false);
        for (String path : paths) {
            try {
                Workspace.checkRelative(path);
            } catch (IllegalArgumentException e) {
                throw new AnswerRejected("\"" + field + "\": " + e.getMessage());
            }
            if (path.startsWith(".sf/") || path.equals(".sf")) {
                throw new AnswerRejected("\"" + field + "\": .sf/ belongs to the runtime: " + path);
            }
        }
        if (new HashSet<>(paths).size() != paths.size()) {
            throw new AnswerRejected("\"" + field + "\" names a file twice: " + paths);
        }
        return paths;
    }

    private static Map<String, List<String>> interfaces(JsonNode node, List<String> files, Toolchain toolchain) {
        JsonNode given = node.get("interfaces");
        if (given == null || !given.isObject()) {
            throw new AnswerRejected("\"interfaces\" must be an object from file to its public signatures");
        }
        Map<String, List<String>> interfaces = new LinkedHashMap<>();
        var names = given.fieldNames();
        while (names.hasNext()) {
            String file = names.next();
            if (!files.contains(file)) {
                throw new AnswerRejected("\"interfaces\" names " + file + ", which is not in \"files\"");
            }
            interfaces.put(file, ModelAnswers.strings(given, file, true));
        }
        for (String file : files) {
            if (toolchain.isCode(file) && !interfaces.containsKey(file)) {
                throw new AnswerRejected("\"interfaces\" lacks the code file " + file);
            }
        }
        return interfaces;
    }

    static List<Dependency> dependencies(JsonNode node) {
        JsonNode given = node.get("dependencies");
        if (given == null || !given.isArray()) {
            throw new AnswerRejected("\"dependencies\" must be a list of {\"name\", \"version\"} (empty for none)");
        }
        List<Dependency> dependencies = new ArrayList<>();
        for (JsonNode item : given) {
            if (!item.isObject()) {
                throw new AnswerRejected("\"dependencies\" must hold {\"name\", \"version\"} objects");
            }
            dependencies.add(new Dependency(item.path("name").asText(null), item.path("version").asText(null)));
        }
        return dependencies;
    }
}
