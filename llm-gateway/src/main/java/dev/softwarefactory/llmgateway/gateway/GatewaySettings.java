package dev.softwarefactory.llmgateway.gateway;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * The gateway's configuration: backends, aliases (name to the backends that serve it) and which
 * alias each role uses. Read from {@code software-factory.llm}; every error names its key.
 */
public record GatewaySettings(Map<String, BackendSettings> backends, Map<String, List<Target>> aliases,
        Map<String, String> roleAliases, RetrySettings retry) {
    public static final String PATH = "software-factory.llm";
    public static final String DEFAULT_ALIAS = "default";

    public GatewaySettings {
        backends = Map.copyOf(backends);
        aliases = Map.copyOf(aliases);
        roleAliases = Map.copyOf(roleAliases);
    }

    /** Reads {@code software-factory.llm} of a full config; API keys come from {@code env}. */
    public static GatewaySettings fromConfig(Config root, UnaryOperator<String> env) {
        try {
            return new SettingsReader(root.getConfig(PATH), env).read();
        } catch (ConfigException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Settings for backends given in code (e.g. from the command line) with this module's defaults. */
    public static GatewaySettings of(List<BackendSettings> backends) {
        Map<String, BackendSettings> byName = new LinkedHashMap<>();
        backends.forEach(b -> byName.put(b.name(), b));
        List<Target> all = backends.stream().map(b -> new Target(b.name(), b.models().get(0))).toList();
        return new GatewaySettings(byName, Map.of(DEFAULT_ALIAS, all), Map.of(),
                retryOf(ConfigFactory.load()));
    }

    /** The retry, cooldown and timeout settings of {@code software-factory.llm} in a full config. */
    public static RetrySettings retryOf(Config root) {
        try {
            return SettingsReader.retry(root.getConfig(PATH));
        } catch (ConfigException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    public GatewaySettings withRetry(RetrySettings value) {
        return new GatewaySettings(backends, aliases, roleAliases, value);
    }

    /** These settings with some roles mapped to other aliases (e.g. for a fork); every alias must exist. */
    public GatewaySettings withRoleAliases(Map<String, String> overrides) {
        overrides.forEach((role, alias) -> {
            if (!aliases.containsKey(alias)) {
                throw new IllegalArgumentException("no alias '" + alias + "' (for " + role + ") in " + PATH
                        + ".aliases; there are: " + String.join(", ", new TreeSet<>(aliases.keySet())));
            }
        });
        Map<String, String> merged = new HashMap<>(roleAliases);
        merged.putAll(overrides);
        return new GatewaySettings(backends, aliases, merged, retry);
    }

    public boolean configured() {
        return !backends.isEmpty();
    }

    /**
     * The backends for a request: its alias if one is configured, else the alias of that name's
     * role mapping, else the alias of its role, else {@code default}.
     */
    public List<Target> targetsFor(String alias, String role) {
        return Optional.ofNullable(alias).map(aliases::get)
                .or(() -> Optional.ofNullable(alias).map(roleAliases::get).map(aliases::get))
                .or(() -> Optional.ofNullable(role).map(roleAliases::get).map(aliases::get))
                .or(() -> Optional.ofNullable(aliases.get(DEFAULT_ALIAS)))
                .orElseThrow(() -> new IllegalArgumentException("no model alias '" + alias
                        + "' and no '" + DEFAULT_ALIAS + "' alias in " + PATH + ".aliases"));
    }

    /** Backends in a stable order (by name), e.g. for a ping table. */
    public List<BackendSettings> backendList() {
        List<BackendSettings> list = new ArrayList<>(backends.values());
        list.sort((a, b) -> a.name().compareTo(b.name()));
        return list;
    }
}
