package dev.softwarefactory.actions;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The languages the company builds, with what each needs: code files, build file, how to test. */
public enum Toolchain {
    PYTHON("python", ".py", Optional.empty()),
    JAVA("java", ".java", Optional.of("pom.xml")),
    NODE("javascript", ".js", Optional.of("package.json"));

    private final String language;
    private final String codeExtension;
    private final Optional<String> buildFile;

    Toolchain(String language, String codeExtension, Optional<String> buildFile) {
        this.language = language;
        this.codeExtension = codeExtension;
        this.buildFile = buildFile;
    }

    public static Toolchain of(String language) {
        String wanted = language.strip().toLowerCase(Locale.ROOT);
        if (wanted.equals("node") || wanted.equals("nodejs")) {
            return NODE;
        }
        return Arrays.stream(values()).filter(t -> t.language.equals(wanted)).findFirst()
                .orElseThrow(() -> new AnswerRejected("\"language\" must be python, java or javascript, not "
                        + language));
    }

    public String language() {
        return language;
    }

    public boolean isCode(String path) {
        return path.endsWith(codeExtension);
    }

    /** The file that declares the project's build and dependencies, when the language has one. */
    public Optional<String> buildFile() {
        return buildFile;
    }
}
