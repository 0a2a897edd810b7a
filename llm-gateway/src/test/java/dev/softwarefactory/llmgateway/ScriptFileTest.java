package dev.softwarefactory.llmgateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptFileTest {

    @TempDir
    Path dir;

    private Path script(String json) throws IOException {
        return Files.writeString(dir.resolve("script.json"), json);
    }

    private static void assertMessageNames(IllegalArgumentException e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "message '" + e.getMessage() + "' should contain '" + part + "'");
        }
    }

    @Test
    void validFileParsesActionTargetReplyAndDelay() throws IOException {
        Path file = script("""
                [{"action": "WritePRD", "reply": "the prd"},
                 {"action": "WriteCode", "target": "a.py", "reply": "print(1)", "delayMs": 25}]
                """);

        List<ScriptEntry> entries = ScriptFile.read(file);

        assertEquals(List.of(
                new ScriptEntry("WritePRD", null, "the prd", 0),
                new ScriptEntry("WriteCode", "a.py", "print(1)", 25)), entries);
    }

    @Test
    void missingFileIsRefusedNamingTheFile() {
        Path file = dir.resolve("nope.json");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScriptFile.read(file));

        assertMessageNames(e, file.toString(), "not found");
    }

    @Test
    void invalidJsonIsRefusedNamingTheFile() throws IOException {
        Path file = script("[{\"action\": ");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScriptFile.read(file));

        assertMessageNames(e, file.toString(), "not valid JSON");
    }

    @Test
    void objectInsteadOfListIsRefusedNamingTheFile() throws IOException {
        Path file = script("{\"action\": \"WritePRD\", \"reply\": \"x\"}");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScriptFile.read(file));

        assertMessageNames(e, file.toString(), "non-empty JSON list");
    }

    @Test
    void emptyListIsRefusedNamingTheFile() throws IOException {
        Path file = script("[]");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScriptFile.read(file));

        assertMessageNames(e, file.toString(), "non-empty JSON list");
    }

    @Test
    void entryWithoutReplyIsRefusedNamingFileAndEntryIndex() throws IOException {
        Path file = script("[{\"action\": \"WritePRD\", \"reply\": \"ok\"}, {\"action\": \"WriteDesign\"}]");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScriptFile.read(file));

        assertMessageNames(e, file.toString(), "entry 1", "\"reply\"");
    }

    @Test
    void nonStringTargetIsRefusedNamingFileAndEntryIndex() throws IOException {
        Path file = script("[{\"action\": \"WriteCode\", \"target\": 7, \"reply\": \"x\"}]");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScriptFile.read(file));

        assertMessageNames(e, file.toString(), "entry 0", "\"target\"");
    }

    @Test
    void negativeDelayIsRefusedNamingFileAndEntryIndex() throws IOException {
        Path file = script("[{\"action\": \"WritePRD\", \"reply\": \"x\", \"delayMs\": -5}]");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScriptFile.read(file));

        assertMessageNames(e, file.toString(), "entry 0", "\"delayMs\"");
    }
}
