package dev.softwarefactory.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Model specs as runs record them: what a fork may change, and what it refuses. */
class LlmSpecTest {
    private static final Config GATEWAY = ConfigFactory.parseString("""
            software-factory.llm.backends {
              a { kind = openai, base-url = "http://a/v1", models = [m] }
              b { kind = openai, base-url = "http://b/v1", models = [m] }
            }
            software-factory.llm.aliases { default = [a], coder = [b] }
            """).withFallback(ConfigFactory.load()).resolve();

    @Test
    void anAliasMapIsRecordedInTheSpecInRoleOrder() {
        assertEquals("gateway:Architect=coder,Engineer=coder",
                LlmSpec.withAliasMap("gateway", Map.of("Engineer", "coder", "Architect", "coder")));
    }

    @Test
    void anAliasMapOverridesTheMappingTheSpecHad() {
        assertEquals("gateway:Engineer=default,QaEngineer=coder",
                LlmSpec.withAliasMap("gateway:Engineer=coder,QaEngineer=coder", Map.of("Engineer", "default")));
    }

    @Test
    void aRecordedAliasMapRoutesTheRoleToItsAlias() {
        var settings = LlmSpec.gatewayFor("gateway:Architect=coder", GATEWAY, Optional.empty());

        assertEquals("b", settings.targetsFor("Architect", "Architect").get(0).backend());
        assertEquals("a", settings.targetsFor("Engineer", "Engineer").get(0).backend());
    }

    @Test
    void anAliasTheGatewayDoesNotHaveIsAUsageError() {
        UserError error = assertThrows(UserError.class, () -> LlmSpec.check("gateway:Engineer=gpu9", GATEWAY));

        assertTrue(error.getMessage().contains("no alias 'gpu9' (for Engineer)"), error.getMessage());
    }

    @Test
    void anAliasMapNeedsTheGateway() {
        UserError error = assertThrows(UserError.class,
                () -> LlmSpec.withAliasMap("openai:gpt-4o@https://api.openai.com/v1", Map.of("Engineer", "coder")));

        assertTrue(error.getMessage().startsWith("--alias-map maps roles to aliases of the configured gateway"),
                error.getMessage());
    }

    @Test
    void aMalformedGatewaySpecIsAUsageError() {
        assertThrows(UserError.class, () -> LlmSpec.normalize("gateway:Engineer"));
    }

    @Test
    void aModelAloneKeepsTheRunsServer() {
        assertEquals("openai:qwen@http://gpu1:8000/v1", LlmSpec.withModel("openai:llama@http://gpu1:8000/v1", "qwen"));
        assertEquals("ollama:qwen2.5-coder:7b", LlmSpec.withModel("ollama:llama3", "qwen2.5-coder:7b"));
    }

    @Test
    void aModelAloneCannotChangeAScriptedRun() {
        assertThrows(UserError.class, () -> LlmSpec.withModel("scripted:/tmp/x.json", "qwen"));
    }
}
