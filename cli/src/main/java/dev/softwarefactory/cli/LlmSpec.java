package dev.softwarefactory.cli;

import akka.actor.typed.ActorSystem;
import com.typesafe.config.Config;
import dev.softwarefactory.llmgateway.LlmClient;
import dev.softwarefactory.llmgateway.ScriptedModel;
import dev.softwarefactory.llmgateway.gateway.BackendKind;
import dev.softwarefactory.llmgateway.gateway.BackendSettings;
import dev.softwarefactory.llmgateway.gateway.Gateway;
import dev.softwarefactory.llmgateway.gateway.GatewaySettings;
import dev.softwarefactory.roles.DemoScenario;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Which model a run uses, as recorded in its RunConfig so a resume uses the same one:
 * {@code scripted:FILE}, {@code openai:MODEL@URL}, {@code ollama:MODEL} or {@code gateway} (the
 * backends of conf/application.conf). A spec never holds an API key.
 */
final class LlmSpec {
    /** The built-in scenario of the demo command. */
    static final String DEMO = "demo";
    static final String SCRIPTED = "scripted:";
    static final String OPENAI = "openai:";
    static final String OLLAMA = "ollama:";
    static final String GATEWAY = "gateway";
    static final String HOW_TO_CONFIGURE = "configure a model in one of three ways:"
            + " (1) --llm-base-url URL --llm-model NAME [--llm-api-key KEY] for OpenAI or any OpenAI-compatible"
            + " server (vLLM, llama.cpp, ...);"
            + " (2) backends in conf/application.conf under " + GatewaySettings.PATH + " (see conf/llm-example.conf);"
            + " (3) Ollama running on localhost:11434 with a model pulled."
            + " Without a model server: the demo command, or --llm scripted:FILE";

    private LlmSpec() {
    }

    /** The spec checked, with a script's path made absolute so a resume from another folder finds it. */
    static String normalize(String spec) {
        if (DEMO.equals(spec)) {
            return DEMO;
        }
        if (spec == null || spec.isBlank()) {
            throw new UsageError("no model given: " + HOW_TO_CONFIGURE);
        }
        if (spec.startsWith(SCRIPTED) && spec.length() > SCRIPTED.length()) {
            return SCRIPTED + Path.of(spec.substring(SCRIPTED.length())).toAbsolutePath().normalize();
        }
        if (spec.startsWith(OPENAI)) {
            String rest = spec.substring(OPENAI.length());
            int at = rest.indexOf('@');
            if (at < 1 || !(rest.startsWith("http://", at + 1) || rest.startsWith("https://", at + 1))) {
                throw new UsageError("--llm '" + spec + "' must be openai:MODEL@URL with an http(s) URL");
            }
            return spec;
        }
        if (spec.startsWith(OLLAMA) && spec.length() > OLLAMA.length() || spec.equals(GATEWAY)) {
            return spec;
        }
        throw new UsageError("unknown --llm '" + spec + "': use scripted:FILE, demo, gateway, openai:MODEL@URL or ollama:MODEL");
    }

    /**
     * The spec for a new run: the one the options name, else the configured gateway, else Ollama if it
     * answers on localhost within a few seconds.
     */
    static String choose(LlmOptions options, Config config) {
        Optional<String> explicit = options.explicitSpec();
        if (explicit.isPresent()) {
            return explicit.get();
        }
        if (gatewaySettings(config).configured()) {
            return GATEWAY;
        }
        return OLLAMA + OllamaProbe.firstModel().orElseThrow(() -> new UsageError("no model configured and"
                + " no Ollama model at " + BackendKind.OLLAMA.defaultBaseUrl() + ": " + HOW_TO_CONFIGURE));
    }

    /** Checks what can be checked before the node starts (script file, gateway config) so bad input writes nothing. */
    static void check(String spec, Config config) {
        if (spec.startsWith(SCRIPTED)) {
            scripted(spec);
        } else if (spec.equals(GATEWAY) && !gatewaySettings(config).configured()) {
            throw new UsageError("no backends in " + GatewaySettings.PATH + ".backends of conf/application.conf: "
                    + HOW_TO_CONFIGURE);
        }
    }

    static LlmClient open(String spec, ActorSystem<?> system, Optional<String> apiKey) {
        if (DEMO.equals(spec)) {
            return DemoScenario.model();
        }
        if (spec.startsWith(SCRIPTED)) {
            return scripted(spec);
        }
        return Gateway.start(system, gatewayFor(spec, system.settings().config(), apiKey));
    }

    /** The gateway settings of a spec that is not scripted: the configured gateway or one backend. */
    static GatewaySettings gatewayFor(String spec, Config config, Optional<String> apiKey) {
        if (spec.equals(GATEWAY)) {
            return gatewaySettings(config);
        }
        int maxConcurrency = config.getInt(GatewaySettings.PATH + ".backend-defaults.max-concurrency");
        BackendSettings backend;
        if (spec.startsWith(OPENAI)) {
            String rest = spec.substring(OPENAI.length());
            int at = rest.indexOf('@');
            backend = BackendSettings.of("openai", BackendKind.OPENAI, rest.substring(at + 1), apiKey,
                    rest.substring(0, at), maxConcurrency);
        } else {
            backend = BackendSettings.of("ollama", BackendKind.OLLAMA, BackendKind.OLLAMA.defaultBaseUrl(),
                    Optional.empty(), spec.substring(OLLAMA.length()), maxConcurrency);
        }
        return GatewaySettings.of(List.of(backend));
    }

    static GatewaySettings gatewaySettings(Config config) {
        try {
            return GatewaySettings.fromConfig(config, System::getenv);
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
    }

    private static ScriptedModel scripted(String spec) {
        try {
            return ScriptedModel.fromFile(Path.of(spec.substring(SCRIPTED.length())));
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
    }
}
