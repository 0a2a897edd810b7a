package dev.softwarefactory.actions;

import java.util.ArrayList;
import java.util.List;

/**
 * The project's own {@code node_modules}, installed by npm from its package.json (and lock file) into
 * {@code .sf/npm}, from the configured registry or npm's own configuration; the test copy links it.
 */
public record NpmEnvironment(PackageSources sources) implements ProjectEnvironment {
    public static final String MODULES = ".sf/npm/node_modules";
    /** The lock file npm wrote for the install: delivered when the project has none of its own. */
    public static final String INSTALLED_LOCK = ".sf/npm/package-lock.json";
    public static final String LOCK_FILE = "package-lock.json";

    @Override
    public List<EnvironmentStep> steps() {
        List<String> install = new ArrayList<>(List.of("sh", "-c",
                ScriptResources.text("environments/npm-install.sh"), "sh"));
        if (!sources.npmRegistry().isEmpty()) {
            install.addAll(List.of("--registry", sources.npmRegistry()));
        }
        return List.of(EnvironmentStep.install(install));
    }

    @Override
    public List<String> describe() {
        return List.of("node", "-e", ScriptResources.text("environments/npm-environment.js"));
    }
}
