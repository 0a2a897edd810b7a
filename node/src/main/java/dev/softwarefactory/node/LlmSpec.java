package dev.softwarefactory.node;

import akka.actor.typed.ActorSystem;
import com.typesafe.config.Config;
import dev.softwarefactory.llmgateway.LlmClient;
import dev.softwarefactory.llmgateway.ScriptedModel;
import dev.softwarefactory.llmgateway.gateway.BackendKind;
import dev.softwarefactory.llmgateway.gateway.BackendSettings;
import dev.softwarefactory.llmgateway.gateway.Gateway;
import dev.softwarefactory.llmgateway.gateway.GatewaySettings;
import dev.softwarefactory.llmgateway.gateway.LlmBackend;
import dev.softwarefactory.roles.DemoScenario;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Which model a run uses, as recorded in its RunConfig so a resume uses the same one:
 * {@code scripted:FILE}, {@code demo}, {@code openai:MODEL@URL}, {@code ollama:MODEL}, or
 * {@code gateway} (the backends of conf/application.conf), optionally with roles mapped to other
 * aliases: {@code gateway:Engineer=coder,QaEngineer=cheap}. A spec never holds an API key.
 */
public final class LlmSpec {
    /** The built-in scenario of the demo command. */
    public static final String DEMO = "demo";
    public static final String SCRIPTED = "scripted:";
    public static final String OPENAI = "openai:";
    public static final String OLLAMA = "ollama:";
    public static final String GATEWAY = "gateway";
    public static final String HOW_TO_CONFIGURE = "configure a model in one of three ways:"
            + " (1) --llm-base-url URL --llm-model NAME [--llm-api-key KEY] for OpenAI or any OpenAI-compatible"
            + " server (vLLM, llama.cpp, ...);"
            + " (2) backends in conf/application.conf under " + GatewaySettings.PATH + " (see conf/llm-example.conf, or print it: java -jar node.jar llm example);"
            + " (3) Ollama running on localhost:11434 with a model pulled."
            + " Without a model server: the demo command, or --llm scripted:FILE";

    private LlmSpec() {
    }

    /** The spec checked, with a script's path made absolute so a resume from another folder finds it. */
    public static String normalize(String spec) {
        if (DEMO.equals(spec)) {
            return DEMO;
        }
        if (spec == null || spec.isBlank()) {
            throw new UserError("no model given: " + HOW_TO_CONFIGURE);
        }
        if (spec.startsWith(SCRIPTED) && spec.length() > SCRIPTED.length()) {
            return SCRIPTED + Path.of(spec.substring(SCRIPTED.length())).toAbsolutePath().normalize();
        }
        if (spec.startsWith(OPENAI)) {
            String rest = spec.substring(OPENAI.length());
            int at = rest.indexOf('@');
            if (at < 1 || !(rest.startsWith("http://", at + 1) || rest.startsWith("https://", at + 1))) {
                throw new UserError("--llm '" + spec + "' must be openai:MODEL@URL with an http(s) URL");
            }
            return spec;
        }
        if (spec.startsWith(OLLAMA) && spec.length() > OLLAMA.length() || spec.equals(GATEWAY)) {
            return spec;
        }
        if (spec.startsWith(GATEWAY + ":")) {
            return withAliasMap(GATEWAY, roleAliases(spec));
        }
        throw new UserError("unknown --llm '" + spec + "': use scripted:FILE, demo, gateway, openai:MODEL@URL or ollama:MODEL");
    }

    /**
     * The spec for a new run: the one explicitly named, else the configured gateway, else Ollama if it
     * answers on localhost within a few seconds.
     */
    public static String choose(Optional<String> explicit, Config config) {
        if (explicit.isPresent()) {
            return explicit.get();
        }
        if (gatewaySettings(config).configured()) {
            return GATEWAY;
        }
        return OLLAMA + OllamaProbe.firstModel().orElseThrow(() -> new UserError("no model configured and"
                + " no Ollama model at " + BackendKind.OLLAMA.defaultBaseUrl() + ": " + HOW_TO_CONFIGURE));
    }

    /** Checks what can be checked before the node starts (script file, gateway config) so bad input writes nothing. */
    public static void check(String spec, Config config) {
        if (spec.startsWith(SCRIPTED)) {
            scripted(spec);
        } else if (isGateway(spec)) {
            gatewayFor(spec, config, Optional.empty());
        }
    }

    /** The spec with roles mapped to aliases of the configured gateway, over any mapping it has. */
    public static String withAliasMap(String spec, Map<String, String> roleToAlias) {
        if (!isGateway(spec)) {
            throw new UserError("--alias-map maps roles to aliases of the configured gateway (--llm gateway);"
                    + " the model here is " + spec);
        }
        Map<String, String> merged = new TreeMap<>(roleAliases(spec));
        roleToAlias.forEach((role, alias) -> {
            if (!role.matches("\\w+") || !alias.matches("[\\w.-]+")) {
                throw new UserError("--alias-map needs ROLE=ALIAS, e.g. Engineer=coder; got " + role + "=" + alias);
            }
            merged.put(role, alias);
        });
        if (merged.isEmpty()) {
            return GATEWAY;
        }
        StringJoiner entries = new StringJoiner(",", GATEWAY + ":", "");
        merged.forEach((role, alias) -> entries.add(role + "=" + alias));
        return entries.toString();
    }

    /** The spec of the same server with another model: for a fork that only changes the model. */
    public static String withModel(String spec, String model) {
        if (spec.startsWith(OPENAI)) {
            return OPENAI + model + spec.substring(spec.indexOf('@'));
        }
        if (spec.startsWith(OLLAMA)) {
            return OLLAMA + model;
        }
        throw new UserError("--llm-model alone changes the model of an openai: or ollama: run; this run used "
                + spec + " (give --llm SPEC, --llm-base-url URL --llm-model NAME, or --alias-map ROLE=ALIAS)");
    }

    private static boolean isGateway(String spec) {
        return spec.equals(GATEWAY) || spec.startsWith(GATEWAY + ":");
    }

    private static Map<String, String> roleAliases(String spec) {
        Map<String, String> map = new TreeMap<>();
        if (spec.equals(GATEWAY)) {
            return map;
        }
        for (String entry : spec.substring(GATEWAY.length() + 1).split(",")) {
            String[] parts = entry.split("=", -1);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new UserError("--llm '" + spec + "' must be gateway:ROLE=ALIAS,ROLE=ALIAS");
            }
            map.put(parts[0], parts[1]);
        }
        return map;
    }

    public static LlmClient open(String spec, ActorSystem<?> system, Optional<String> apiKey) {
        if (DEMO.equals(spec)) {
            return DemoScenario.model();
        }
        if (spec.startsWith(SCRIPTED)) {
            return scripted(spec);
        }
        // The configured gateway's backends are the same whatever the role aliases: they share their
        // limits. A model server of its own has backends of its own; each spec makes its own calls.
        String own = LlmBackend.DEFAULT_TYPE_NAME + "-" + digest(spec);
        return Gateway.start(system, gatewayFor(spec, system.settings().config(), apiKey),
                isGateway(spec) ? LlmBackend.DEFAULT_TYPE_NAME : own, own).keepingReplies();
    }

    /** A short name for a spec, the same on every node. */
    private static String digest(String spec) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(spec.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The gateway settings of a spec that is not scripted: the configured gateway or one backend. */
    public static GatewaySettings gatewayFor(String spec, Config config, Optional<String> apiKey) {
        if (isGateway(spec)) {
            GatewaySettings settings = gatewaySettings(config);
            if (!settings.configured()) {
                throw new UserError("no backends in " + GatewaySettings.PATH + ".backends of conf/application.conf: "
                        + HOW_TO_CONFIGURE);
            }
            try {
                return settings.withRoleAliases(roleAliases(spec));
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
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

    public static GatewaySettings gatewaySettings(Config config) {
        try {
            return GatewaySettings.fromConfig(config, System::getenv);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    private static ScriptedModel scripted(String spec) {
        try {
            return ScriptedModel.fromFile(Path.of(spec.substring(SCRIPTED.length())));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }
}
