package dev.softwarefactory.actions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.softwarefactory.runtime.action.ActionContext;
import dev.softwarefactory.runtime.action.EffectResult.CommandExited;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks, once the code compiles, that every function, class and method the design's interfaces
 * promise exists in its file with the declared parameters: Python imports and inspects each module,
 * JavaScript loads each file and checks its exports and their arity, Java compiles a probe that calls
 * each promised method ({@link JavaInterfaceProbe}). Tests may not reach a promised
 * entry point (a {@code main()} the README documents), so this is the only check that would notice.
 * A mismatch is reported like a failing test, naming the file, the symbol, and expected against actual.
 */
public final class InterfaceCheck {
    static final String KEY = "interfaces";
    private static final ObjectMapper JSON = new ObjectMapper();

    private InterfaceCheck() {
    }

    /** The check's command, or empty when the design promises no signature. */
    public static Optional<List<String>> command(Design design, ProjectCommands commands) {
        Map<String, List<String>> promised = promised(design);
        if (promised.isEmpty()) {
            return Optional.empty();
        }
        switch (design.toolchain()) {
            case PYTHON:
                List<String> python = new ArrayList<>(ProjectCommands.python());
                python.addAll(List.of("-c", ScriptResources.text("checks/python-interfaces.py"), json(promised)));
                return Optional.of(ProjectCommands.inBuildCopy(python));
            case NODE:
                return Optional.of(ProjectCommands.inBuildCopy(List.of("node", "-e",
                        ScriptResources.text("checks/node-interfaces.js"), json(promised))));
            default:
                List<String> java = new ArrayList<>(List.of("sh", "-c", ScriptResources.text("checks/java-interfaces.sh"),
                        "sh"));
                JavaInterfaceProbe.sources(promised, ".sf/probe/src").forEach((path, source) -> {
                    java.add(path);
                    java.add(source);
                });
                return Optional.of(java);
        }
    }

    public static Optional<CommandExited> run(ActionContext context, Design design, ProjectCommands commands,
            Duration timeout) {
        return command(design, commands).map(command -> context.exec(KEY, command, timeout));
    }

    /** The code files that the design promises signatures for, with those signatures, in design order. */
    static Map<String, List<String>> promised(Design design) {
        Map<String, List<String>> promised = new LinkedHashMap<>();
        design.interfaces().forEach((file, signatures) -> {
            if (design.toolchain().isCode(file) && !signatures.isEmpty()) {
                promised.put(file, signatures);
            }
        });
        return promised;
    }

    static String json(Map<String, List<String>> promised) {
        try {
            return JSON.writeValueAsString(promised);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
