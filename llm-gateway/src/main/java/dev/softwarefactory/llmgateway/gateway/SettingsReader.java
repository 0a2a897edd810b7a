package dev.softwarefactory.llmgateway.gateway;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Reads and checks {@code software-factory.llm}. */
final class SettingsReader {
    private final Config llm;
    private final UnaryOperator<String> env;

    SettingsReader(Config llm, UnaryOperator<String> env) {
        this.llm = llm;
        this.env = env;
    }

    GatewaySettings read() {
        Map<String, BackendSettings> backends = new LinkedHashMap<>();
        Config defaults = llm.getConfig("backend-defaults");
        for (String name : llm.getObject("backends").keySet()) {
            backends.put(name, backend(name, llm.getConfig("backends").getConfig(quote(name)).withFallback(defaults)));
        }
        Map<String, List<Target>> aliases = new LinkedHashMap<>();
        for (String alias : llm.getObject("aliases").keySet()) {
            aliases.put(alias, targets(alias, backends));
        }
        if (!aliases.containsKey(GatewaySettings.DEFAULT_ALIAS) && !backends.isEmpty()) {
            aliases.put(GatewaySettings.DEFAULT_ALIAS,
                    backends.values().stream().map(b -> new Target(b.name(), b.models().get(0))).toList());
        }
        Map<String, String> roleAliases = new LinkedHashMap<>();
        Config roles = llm.getConfig("role-aliases");
        for (String role : llm.getObject("role-aliases").keySet()) {
            String alias = roles.getString(quote(role));
            require(aliases.containsKey(alias), "role-aliases." + role, "names alias '" + alias
                    + "', which is not in " + GatewaySettings.PATH + ".aliases");
            roleAliases.put(role, alias);
        }
        return new GatewaySettings(backends, aliases, roleAliases, retry(llm));
    }

    static RetrySettings retry(Config llm) {
        RetrySettings retry = new RetrySettings(llm.getInt("retry.max-attempts"), llm.getDuration("retry.base-backoff"),
                llm.getDuration("retry.max-backoff"), llm.getInt("cooldown.after-failures"),
                llm.getDuration("cooldown.duration"), llm.getDuration("connect-timeout"),
                llm.getDuration("request-timeout"), llm.getDouble("affinity-margin"));
        require(retry.maxAttempts() >= 1, "retry.max-attempts", "must be at least 1");
        require(retry.cooldownAfterFailures() >= 1, "cooldown.after-failures", "must be at least 1");
        require(!retry.requestTimeout().isZero() && !retry.requestTimeout().isNegative(), "request-timeout",
                "must be positive");
        return retry;
    }

    private BackendSettings backend(String name, Config c) {
        String key = "backends." + name;
        String kindText = c.hasPath("kind") ? c.getString("kind") : "";
        BackendKind kind;
        try {
            kind = BackendKind.valueOf(kindText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw error(key + ".kind", "must be openai or ollama, not '" + kindText + "'");
        }
        String baseUrl = c.hasPath("base-url") ? c.getString("base-url") : kind.defaultBaseUrl();
        require(baseUrl != null, key + ".base-url", "is required for kind " + kindText);
        require(baseUrl.startsWith("http://") || baseUrl.startsWith("https://"), key + ".base-url",
                "must start with http:// or https://, not '" + baseUrl + "'");
        Optional<String> apiKey = Optional.empty();
        if (c.hasPath("api-key-env")) {
            String var = c.getString("api-key-env");
            String value = env.apply(var);
            require(value != null && !value.isBlank(), key + ".api-key-env",
                    "names the environment variable " + var + ", which is not set");
            apiKey = Optional.of(value);
        }
        require(c.hasPath("models") && c.getValue("models").valueType() == ConfigValueType.LIST
                && !c.getStringList("models").isEmpty(), key + ".models", "must be a non-empty list of model names");
        BackendSettings backend = new BackendSettings(name, kind, baseUrl, apiKey, c.getStringList("models"),
                c.getInt("max-concurrency"), c.getInt("rpm"), c.getLong("tpm"), c.getDouble("price-per-1k-input"),
                c.getDouble("price-per-1k-output"));
        require(backend.maxConcurrency() >= 1, key + ".max-concurrency", "must be at least 1");
        require(backend.rpm() >= 0, key + ".rpm", "must not be negative (0: no limit)");
        require(backend.tpm() >= 0, key + ".tpm", "must not be negative (0: no limit)");
        require(backend.pricePer1kInput() >= 0, key + ".price-per-1k-input", "must not be negative");
        require(backend.pricePer1kOutput() >= 0, key + ".price-per-1k-output", "must not be negative");
        return backend;
    }

    private List<Target> targets(String alias, Map<String, BackendSettings> backends) {
        String key = "aliases." + alias;
        require(llm.getValue("aliases." + quote(alias)).valueType() == ConfigValueType.LIST, key,
                "must be a list of backend names");
        List<Target> targets = new ArrayList<>();
        for (String entry : llm.getStringList("aliases." + quote(alias))) {
            int slash = entry.indexOf('/');
            String name = slash < 0 ? entry : entry.substring(0, slash);
            BackendSettings backend = backends.get(name);
            require(backend != null, key, "names backend '" + name + "', which is not in "
                    + GatewaySettings.PATH + ".backends");
            String model = slash < 0 ? backend.models().get(0) : entry.substring(slash + 1);
            require(backend.models().contains(model), key, "names model '" + model + "', which backend '"
                    + name + "' does not list in its models");
            targets.add(new Target(name, model));
        }
        require(!targets.isEmpty(), key, "must name at least one backend");
        return targets;
    }

    private static String quote(String key) {
        return "\"" + key + "\"";
    }

    private static void require(boolean ok, String key, String problem) {
        if (!ok) {
            throw error(key, problem);
        }
    }

    private static IllegalArgumentException error(String key, String problem) {
        return new IllegalArgumentException(GatewaySettings.PATH + "." + key + " " + problem);
    }
}
