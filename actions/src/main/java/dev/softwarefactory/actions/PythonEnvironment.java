package dev.softwarefactory.actions;

import java.util.ArrayList;
import java.util.List;

/**
 * A venv in {@code .sf/venv} made with the host's {@code python3}, without its site packages (and
 * without pip of its own), and the design's pins installed into it with pip from the configured
 * sources. A venv is kept while it holds exactly the design's pins, and made anew when they change.
 */
public record PythonEnvironment(List<Dependency> dependencies, PackageSources sources)
        implements ProjectEnvironment {
    public static final String VENV = ".sf/venv";
    public static final String PYTHON = VENV + "/bin/python";

    public PythonEnvironment {
        dependencies = List.copyOf(dependencies);
    }

    @Override
    public List<EnvironmentStep> steps() {
        List<EnvironmentStep> steps = new ArrayList<>();
        steps.add(EnvironmentStep.create(List.of("sh", "-c", ScriptResources.text("environments/python-venv.sh"),
                "sh", marker(), dependencies.isEmpty() ? "no" : "yes")));
        if (!dependencies.isEmpty()) {
            steps.add(EnvironmentStep.install(install()));
        }
        return steps;
    }

    @Override
    public List<String> describe() {
        return List.of(PYTHON, "-B", "-c", ScriptResources.text("environments/python-environment.py"));
    }

    /** The pins as pip takes them: {@code name==version}. */
    public List<String> requirements() {
        return dependencies.stream().map(d -> d.name() + "==" + d.version()).toList();
    }

    private List<String> install() {
        List<String> command = new ArrayList<>();
        if (sources.pythonConfigured()) {
            // The configured sources alone: no pip.conf, no PIP_* variables of the host.
            command.addAll(List.of("env", "PIP_CONFIG_FILE=/dev/null"));
        }
        command.addAll(List.of("sh", "-c", ScriptResources.text("environments/python-install.sh"), "sh", marker()));
        if (sources.pythonConfigured()) {
            command.add("--isolated");
        }
        if (sources.pythonNoIndex()) {
            command.add("--no-index");
        }
        if (!sources.pythonIndexUrl().isEmpty()) {
            command.addAll(List.of("--index-url", sources.pythonIndexUrl()));
        }
        sources.pythonExtraIndexUrls().forEach(url -> command.addAll(List.of("--extra-index-url", url)));
        sources.pythonFindLinks().forEach(link -> command.addAll(List.of("--find-links", link)));
        command.addAll(requirements());
        return command;
    }

    /** What the venv holds once installed, so that a venv with other pins is not reused. */
    private String marker() {
        return "pins:" + String.join(" ", requirements());
    }
}
