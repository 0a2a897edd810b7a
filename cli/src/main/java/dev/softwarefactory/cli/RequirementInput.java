package dev.softwarefactory.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What to build: one argument, or a file (or standard input) for a long or multi-line requirement. */
final class RequirementInput {
    /** About 8,000 tokens: a requirement is the first prompt of every role, not a place for a whole spec. */
    static final int MAX_CHARS = 32_000;

    @Parameters(paramLabel = "REQUIREMENT", arity = "0..1",
            description = "What to build, e.g. \"Write a cli snake game\".")
    String text;

    @Option(names = "--requirement-file", paramLabel = "FILE",
            description = "Read the requirement from FILE (UTF-8), or from standard input with -.")
    String file;

    String read() {
        if (text != null && file != null) {
            throw new UsageError("give the requirement as an argument or with --requirement-file, not both");
        }
        String requirement = file == null ? text : fromFile();
        if (requirement == null || requirement.isBlank()) {
            throw new UsageError("the requirement is empty: say what to build, e.g. run \"Write a cli snake game\"");
        }
        if (requirement.length() > MAX_CHARS) {
            throw new UsageError("the requirement has " + requirement.length() + " characters; at most " + MAX_CHARS
                    + " are taken (put the details in the idea's own words, not a whole spec)");
        }
        return requirement.strip();
    }

    private String fromFile() {
        try {
            byte[] bytes = file.equals("-") ? System.in.readNBytes(MAX_CHARS * 4 + 1) : Files.readAllBytes(Path.of(file));
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageError("cannot read the requirement from " + (file.equals("-") ? "standard input" : file)
                    + ": " + e.getMessage());
        }
    }
}
