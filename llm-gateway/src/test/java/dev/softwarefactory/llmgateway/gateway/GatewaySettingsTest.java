package dev.softwarefactory.llmgateway.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GatewaySettingsTest {
    private static final Path EXAMPLE = Path.of("..", "conf", "llm-example.conf");

    private static GatewaySettings read(String hocon, Map<String, String> env) {
        Config config = ConfigFactory.parseString(hocon).withFallback(ConfigFactory.load()).resolve();
        return GatewaySettings.fromConfig(config, env::get);
    }

    private static String error(String hocon) {
        return assertThrows(IllegalArgumentException.class, () -> read(hocon, Map.of())).getMessage();
    }

    @Test
    void exampleConfigReadsWithItsKeyFromTheEnvironment() {
        Config example = ConfigFactory.parseFile(EXAMPLE.toFile()).withFallback(ConfigFactory.load()).resolve();

        GatewaySettings settings = GatewaySettings.fromConfig(example, Map.of("OPENAI_API_KEY", "sk-test")::get);

        assertEquals(Optional.of("sk-test"), settings.backends().get("openai").apiKey());
        assertEquals("http://localhost:11434/v1", settings.backends().get("local").baseUrl());
        assertEquals(List.of(new Target("gpu1", "Qwen/Qwen2.5-Coder-32B-Instruct"),
                new Target("gpu2", "Qwen/Qwen2.5-Coder-32B-Instruct"), new Target("openai", "gpt-4o")),
                settings.aliases().get("coder"));
        assertEquals(500, settings.backends().get("openai").rpm());
    }

    @Test
    void aliasComesFromTheRequestThenTheRoleMappingThenDefault() {
        GatewaySettings settings = read("""
                software-factory.llm.backends {
                  a { kind = openai, base-url = "http://a/v1", models = [m] }
                  b { kind = openai, base-url = "http://b/v1", models = [m] }
                }
                software-factory.llm.aliases { default = [a], coder = [b] }
                software-factory.llm.role-aliases { Engineer = coder }
                """, Map.of());

        assertEquals("b", settings.targetsFor("coder", "Architect").get(0).backend());
        assertEquals("b", settings.targetsFor("Engineer", "Engineer").get(0).backend());
        assertEquals("a", settings.targetsFor("Architect", "Architect").get(0).backend());
    }

    @Test
    void roleAliasOverridesMapARoleToAnotherAlias() {
        GatewaySettings settings = read(TWO_BACKENDS, Map.of()).withRoleAliases(Map.of("Architect", "coder"));

        assertEquals("b", settings.targetsFor("Architect", "Architect").get(0).backend());
        assertEquals("b", settings.targetsFor("Engineer", "Engineer").get(0).backend());
        assertEquals("a", settings.targetsFor("QaEngineer", "QaEngineer").get(0).backend());
    }

    @Test
    void roleAliasOverrideNamingAnUnknownAliasIsRefusedWithTheKnownOnes() {
        GatewaySettings settings = read(TWO_BACKENDS, Map.of());

        String error = assertThrows(IllegalArgumentException.class,
                () -> settings.withRoleAliases(Map.of("Engineer", "gpu9"))).getMessage();

        assertEquals("no alias 'gpu9' (for Engineer) in software-factory.llm.aliases; there are: coder, default",
                error);
    }

    private static final String TWO_BACKENDS = """
            software-factory.llm.backends {
              a { kind = openai, base-url = "http://a/v1", models = [m] }
              b { kind = openai, base-url = "http://b/v1", models = [m] }
            }
            software-factory.llm.aliases { default = [a], coder = [b] }
            software-factory.llm.role-aliases { Engineer = coder }
            """;

    @Test
    void withoutAliasesDefaultIsEveryBackend() {
        GatewaySettings settings = read("""
                software-factory.llm.backends {
                  a { kind = openai, base-url = "http://a/v1", models = [m] }
                  b { kind = ollama, models = [n] }
                }
                """, Map.of());

        assertEquals(List.of(new Target("a", "m"), new Target("b", "n")), settings.targetsFor("Engineer", "Engineer"));
    }

    @Test
    void unknownKindNamesTheKey() {
        assertEquals("software-factory.llm.backends.x.kind must be openai or ollama, not 'grpc'",
                error("software-factory.llm.backends.x { kind = grpc, base-url = \"http://x\", models = [m] }"));
    }

    @Test
    void missingApiKeyVariableNamesTheKeyAndTheVariable() {
        assertEquals("software-factory.llm.backends.x.api-key-env names the environment variable MY_KEY,"
                + " which is not set", error("software-factory.llm.backends.x { kind = openai,"
                + " base-url = \"http://x\", api-key-env = MY_KEY, models = [m] }"));
    }

    @Test
    void openaiBackendWithoutBaseUrlNamesTheKey() {
        assertEquals("software-factory.llm.backends.x.base-url is required for kind openai",
                error("software-factory.llm.backends.x { kind = openai, models = [m] }"));
    }

    @Test
    void emptyModelsNamesTheKey() {
        assertEquals("software-factory.llm.backends.x.models must be a non-empty list of model names",
                error("software-factory.llm.backends.x { kind = ollama, models = [] }"));
    }

    @Test
    void negativeRpmNamesTheKey() {
        assertEquals("software-factory.llm.backends.x.rpm must not be negative (0: no limit)",
                error("software-factory.llm.backends.x { kind = ollama, models = [m], rpm = -1 }"));
    }

    @Test
    void aliasNamingAnUnknownBackendNamesTheKey() {
        assertEquals("software-factory.llm.aliases.coder names backend 'gpu9', which is not in"
                + " software-factory.llm.backends", error("""
                software-factory.llm.backends.x { kind = ollama, models = [m] }
                software-factory.llm.aliases.coder = [gpu9]
                """));
    }

    @Test
    void aliasNamingAModelTheBackendDoesNotServeNamesTheKey() {
        assertEquals("software-factory.llm.aliases.coder names model 'big', which backend 'x' does not list"
                + " in its models", error("""
                software-factory.llm.backends.x { kind = ollama, models = [m] }
                software-factory.llm.aliases.coder = ["x/big"]
                """));
    }

    @Test
    void roleMappedToAnUnknownAliasNamesTheKey() {
        assertEquals("software-factory.llm.role-aliases.Engineer names alias 'coder', which is not in"
                + " software-factory.llm.aliases", error("""
                software-factory.llm.backends.x { kind = ollama, models = [m] }
                software-factory.llm.role-aliases.Engineer = coder
                """));
    }

    @Test
    void wronglyTypedValueNamesTheKey() {
        String message = error("software-factory.llm.backends.x { kind = ollama, models = [m], max-concurrency = lots }");

        assertEquals(true, message.contains("max-concurrency"), message);
    }
}
