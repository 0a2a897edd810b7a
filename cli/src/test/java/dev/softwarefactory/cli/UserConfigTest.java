package dev.softwarefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mistakes in the user's config file are refused in one line naming the file, the line and the key, exit 2. */
class UserConfigTest {
    @TempDir
    Path dir;

    private void assertRefused(String config, String expected, String... args) throws IOException {
        Files.createDirectories(dir.resolve("conf"));
        Files.writeString(dir.resolve("conf/application.conf"), config);
        NodeProcess node = NodeProcess.run(dir, args.length == 0 ? new String[] {"runs"} : args);
        assertEquals(2, node.exitCode(Duration.ofSeconds(1)), node.output());
        assertEquals(List.of("error: " + expected), node.stderr());
    }

    @Test
    void aMisspeltBackendKeyIsRefusedWithTheKeyItMeant() throws IOException {
        assertRefused("""
                software-factory.llm.backends.local {
                  kind = ollama
                  models = ["qwen2.5-coder:7b"]
                  max-concurency = 2
                }
                """, "conf/application.conf line 4: software-factory.llm.backends.local.max-concurency is not a"
                + " backend setting; did you mean max-concurrency? (a backend has api-key-env, base-url, kind,"
                + " max-concurrency, models, price-per-1k-input, price-per-1k-output, rpm, tpm; see the example:"
                + " java -jar node.jar llm example)");
    }

    @Test
    void aMisspeltSettingIsRefused() throws IOException {
        assertRefused("software-factory {\n  ask-timout = 1s\n}\n", "conf/application.conf line 2:"
                + " software-factory.ask-timout is not a setting; did you mean ask-timeout? (settings:"
                + " runtime's and llm-gateway's reference.conf; see the example: java -jar node.jar llm example)");
    }

    @Test
    void aRoleAliasForARoleNoRoleHasIsRefused() throws IOException {
        assertRefused("software-factory.llm.role-aliases {\n  Enginer = coder\n}\n", "conf/application.conf line 2:"
                + " software-factory.llm.role-aliases.Enginer names role Enginer, which no role has; did you mean"
                + " Engineer? (the roles: Architect, Engineer, ProductManager, ProjectManager, QaEngineer)");
    }

    @Test
    void aRolePlacementTakesTheSopRolesAndRefusesOthers() throws IOException {
        Files.createDirectories(dir.resolve("conf"));
        Files.writeString(dir.resolve("conf/application.conf"), "software-factory.role-placement { QaEngineer = qa }\n");
        NodeProcess placed = NodeProcess.run(dir, "runs", "--data-dir", "data");
        assertEquals(0, placed.exitCode(Duration.ofSeconds(1)), placed.output());
        assertRefused("software-factory.role-placement {\n  Qa = qa\n}\n", "conf/application.conf line 2:"
                + " software-factory.role-placement.Qa names role Qa, which no role has (the roles: Architect,"
                + " Engineer, ProductManager, ProjectManager, QaEngineer)");
    }

    @Test
    void anApiKeyWrittenInTheFileIsRefused() throws IOException {
        assertRefused("""
                software-factory.llm.backends.openai {
                  kind = openai
                  base-url = "https://api.openai.com/v1"
                  api-key = "sk-not-here"
                  models = ["gpt-4o-mini"]
                }
                """, "conf/application.conf line 4: software-factory.llm.backends.openai.api-key is refused: an API"
                + " key is never written in a config file; set api-key-env to the name of an environment variable"
                + " that holds it");
    }

    @Test
    void aSyntaxErrorIsOneLineNamingTheLine() throws IOException {
        assertRefused("software-factory {\n  ask-timeout = 5s\n\n", "conf/application.conf line 4:"
                + " expecting a close parentheses ')' here, not: end of file");
    }

    @Test
    void anotherFileIsReadWithConfigAndAMissingOneIsRefused() throws IOException {
        Files.writeString(dir.resolve("other.conf"), "software-factory.llm.role-aliases { QaEnginer = cheap }\n");
        NodeProcess other = NodeProcess.run(dir, "runs", "--config", "other.conf");
        NodeProcess missing = NodeProcess.run(dir, "runs", "--config", "missing.conf");

        assertEquals(2, other.exitCode(Duration.ofSeconds(1)), other.output());
        assertEquals("error: other.conf line 1: software-factory.llm.role-aliases.QaEnginer names role QaEnginer,"
                + " which no role has; did you mean QaEngineer? (the roles: Architect, Engineer, ProductManager,"
                + " ProjectManager, QaEngineer)", other.stderr().get(0));
        assertEquals(2, missing.exitCode(Duration.ofSeconds(1)), missing.output());
        assertEquals(List.of("error: no config file missing.conf (given with --config)"), missing.stderr());
    }

    @Test
    void theExampleTheMessagesPointToIsPrinted() throws IOException {
        NodeProcess node = NodeProcess.run(dir, "llm", "example");

        assertEquals(0, node.exitCode(Duration.ofSeconds(1)), node.output());
        assertEquals(Files.readAllLines(Path.of("..", "conf", "llm-example.conf")), node.stdout());
    }
}
