package dev.softwarefactory.cli;

import dev.softwarefactory.llmgateway.LlmClient;
import dev.softwarefactory.roles.DemoScenario;
import dev.softwarefactory.llmgateway.ScriptedModel;
import java.nio.file.Path;

/** The --llm option: which model a run uses. */
final class LlmSpec {
    /** The built-in scenario of the demo command. */
    static final String DEMO = "demo";
    private static final String SCRIPTED = "scripted:";

    private LlmSpec() {
    }

    /** The spec with its file made absolute, so a resume from another folder finds it. */
    static String normalize(String spec) {
        if (DEMO.equals(spec)) {
            return DEMO;
        }
        if (spec == null || spec.isBlank()) {
            throw new UsageError("no model configured: pass --llm scripted:FILE"
                    + " (a JSON list of {\"action\", \"target\"?, \"reply\"}; see docs/scripted-model.md)");
        }
        if (!spec.startsWith(SCRIPTED) || spec.length() == SCRIPTED.length()) {
            throw new UsageError("unknown --llm '" + spec + "': use scripted:FILE or demo");
        }
        return SCRIPTED + Path.of(spec.substring(SCRIPTED.length())).toAbsolutePath().normalize();
    }

    static LlmClient open(String spec) {
        if (DEMO.equals(spec)) {
            return DemoScenario.model();
        }
        try {
            return ScriptedModel.fromFile(Path.of(normalize(spec).substring(SCRIPTED.length())));
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
    }
}
