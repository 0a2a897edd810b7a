package dev.softwarefactory.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import dev.softwarefactory.roles.SoftwareCompany;
import dev.softwarefactory.runtime.NodeConfig;
import dev.softwarefactory.runtime.RoleDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The user's configuration file ({@code conf/application.conf} of the current folder, or the one
 * {@code --config} names), read strictly: a syntax error, a {@code software-factory} key that is not
 * a setting (a misspelt {@code max-concurency}), a role in {@code role-aliases} that no role has, and
 * an API key written in the file are refused in one line naming the file, the line and the key.
 */
public final class UserConfig {
    public static final Path DEFAULT_FILE = Path.of("conf", "application.conf");
    /** Where every model setting is shown; {@code llm example} prints it. */
    public static final String EXAMPLE = "see the example: java -jar node.jar llm example";
    private static final String LLM = "software-factory.llm";
    private static final String PLACEMENT = "software-factory.role-placement";
    private static final Set<String> BACKEND_KEYS = Set.of("kind", "base-url", "api-key-env", "models",
            "max-concurrency", "rpm", "tpm", "price-per-1k-input", "price-per-1k-output");
    private static volatile Path file = DEFAULT_FILE;
    private static volatile boolean named;

    private UserConfig() {
    }

    /** {@code --config FILE}: read this file instead of conf/application.conf; it must exist. */
    public static void use(Path configFile) {
        file = configFile;
        named = true;
    }

    /** The user's settings, checked; empty when the default file does not exist. */
    public static Config load() {
        if (!Files.isRegularFile(file)) {
            if (named) {
                throw new UserError("no config file " + file + " (given with --config)");
            }
            return ConfigFactory.empty();
        }
        Config parsed;
        try {
            parsed = ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
        } catch (ConfigException e) {
            throw new UserError(file + (e.origin() != null && e.origin().lineNumber() > 0 ? " line "
                    + e.origin().lineNumber() : "") + ": " + syntaxProblem(e));
        }
        check(parsed);
        return parsed;
    }

    private static void check(Config user) {
        Config known = NodeConfig.nodeDefaults();
        Set<String> roles = new TreeSet<>(new SoftwareCompany(Duration.ZERO).roles().stream()
                .map(RoleDefinition::name).toList());
        List<Map.Entry<String, ConfigValue>> entries = user.entrySet().stream()
                .sorted(Comparator.comparingInt(e -> e.getValue().origin().lineNumber())).toList();
        for (Map.Entry<String, ConfigValue> entry : entries) {
            String path = entry.getKey();
            List<String> keys = ConfigUtil.splitPath(path);
            if (!keys.get(0).equals("software-factory")) {
                continue; // Akka's own settings are Akka's to check
            }
            if (path.startsWith(LLM + ".backends.") && keys.size() >= 5) {
                String key = keys.get(4);
                if (key.equals("api-key")) {
                    refuse(entry, "is refused: an API key is never written in a config file; set api-key-env to the name of an"
                            + " environment variable that holds it");
                } else if (!BACKEND_KEYS.contains(key)) {
                    refuse(entry, "is not a backend setting" + suggestion(key, BACKEND_KEYS) + " (a backend has "
                            + String.join(", ", new TreeSet<>(BACKEND_KEYS)) + "; " + EXAMPLE + ")");
                }
            } else if (path.startsWith(LLM + ".role-aliases.") && keys.size() == 4) {
                requireRole(entry, keys.get(3), roles);
            } else if (path.startsWith(PLACEMENT + ".") && keys.size() == 3) {
                requireRole(entry, keys.get(2), roles);
            } else if (!path.startsWith(LLM + ".aliases.") && !known.hasPathOrNull(path)) {
                refuse(entry, "is not a setting" + suggestion(keys.get(keys.size() - 1), siblings(known, keys))
                        + " (settings: runtime's and llm-gateway's reference.conf; " + EXAMPLE + ")");
            }
        }
    }

    private static void requireRole(Map.Entry<String, ConfigValue> entry, String role, Set<String> roles) {
        if (!roles.contains(role)) {
            refuse(entry, "names role " + role + ", which no role has" + suggestion(role, roles)
                    + " (the roles: " + String.join(", ", roles) + ")");
        }
    }

    private static void refuse(Map.Entry<String, ConfigValue> entry, String problem) {
        int line = entry.getValue().origin().lineNumber();
        throw new UserError(file + (line > 0 ? " line " + line : "") + ": " + entry.getKey() + " " + problem);
    }

    private static Set<String> siblings(Config known, List<String> keys) {
        String parent = ConfigUtil.joinPath(keys.subList(0, keys.size() - 1));
        try {
            return keys.size() > 1 && known.hasPath(parent) ? known.getObject(parent).keySet() : Set.of();
        } catch (ConfigException e) {
            return Set.of();
        }
    }

    /** "; did you mean max-concurrency?" for a key a letter or two away from a known one. */
    private static String suggestion(String key, Set<String> candidates) {
        return candidates.stream().filter(c -> distance(key, c) <= 2).min(Comparator.comparingInt(c -> distance(key, c)))
                .map(c -> "; did you mean " + c + "?").orElse("");
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** Typesafe's message after the file and line it already names, e.g. "expecting a close brace". */
    private static String syntaxProblem(ConfigException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String prefix = e.origin() == null ? "" : e.origin().description() + ": ";
        String problem = message.startsWith(prefix) ? message.substring(prefix.length()) : message;
        return problem.lines().findFirst().orElse(problem);
    }
}
