package dev.softwarefactory.actions;

import java.util.ArrayList;
import java.util.List;

/**
 * A Maven repository of the project's own in {@code .sf/m2}: the install resolves every plugin and
 * dependency of the pom's test phase into it (from the configured mirror, else Maven's own
 * settings), then builds and tests run offline against it alone.
 */
public record MavenEnvironment(PackageSources sources) implements ProjectEnvironment {
    public static final String REPOSITORY = ".sf/m2";
    public static final String SETTINGS = ".sf/maven-settings.xml";

    @Override
    public List<EnvironmentStep> steps() {
        List<String> install = new ArrayList<>(List.of("sh", "-c",
                ScriptResources.text("environments/maven-install.sh"), "sh"));
        if (!sources.mavenMirrorUrl().isEmpty()) {
            install.add(settings(sources.mavenMirrorUrl()));
        }
        return List.of(EnvironmentStep.install(install));
    }

    /**
     * Resolves into {@code .sf/m2} what {@code goals} of {@code pom} need, as the install does for the
     * project's own pom: e.g. a plugin that a later offline build in the test copy adds.
     */
    public List<String> resolve(String pom, List<String> goals) {
        List<String> command = new ArrayList<>(List.of("sh", "-c", ScriptResources.text("environments/maven-install.sh"),
                "sh", sources.mavenMirrorUrl().isEmpty() ? "" : settings(sources.mavenMirrorUrl()), pom));
        command.addAll(goals);
        return command;
    }

    @Override
    public List<String> describe() {
        return List.of("sh", "-c", ScriptResources.text("environments/maven-environment.sh"));
    }

    /** Maven's options for a build in the test copy {@code .sf/build}: the project's repository, offline. */
    public List<String> offlineOptions() {
        List<String> options = new ArrayList<>(List.of("-o", "-Dmaven.repo.local=../m2"));
        if (!sources.mavenMirrorUrl().isEmpty()) {
            // Maven only serves an artifact offline from the repository (id) it was downloaded from.
            options.addAll(List.of("-s", "../maven-settings.xml"));
        }
        return options;
    }

    private static String settings(String mirrorUrl) {
        return "<settings><mirrors><mirror><id>sf-mirror</id><mirrorOf>*</mirrorOf><url>"
                + mirrorUrl.replace("&", "&amp;").replace("<", "&lt;") + "</url></mirror></mirrors></settings>";
    }
}
