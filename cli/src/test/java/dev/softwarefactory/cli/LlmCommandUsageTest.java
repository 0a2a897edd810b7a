package dev.softwarefactory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Bad llm ping/bench input is a usage error (exit 2) found before anything starts. */
class LlmCommandUsageTest {
    @Test
    void benchWithNoRequestsIsRefused() {
        assertEquals(2, Main.execute("llm", "bench", "--sim", "1", "--requests", "0"));
    }

    @Test
    void benchWithAFaultProbabilityAboveOneIsRefused() {
        assertEquals(2, Main.execute("llm", "bench", "--sim", "1", "--sim-fail-429", "1.2"));
    }

    @Test
    void benchWithNeitherSimsNorConfiguredBackendsIsRefused() {
        assertEquals(2, Main.execute("llm", "bench"));
    }

    @Test
    void pingWithNothingConfiguredIsRefused() {
        assertEquals(2, Main.execute("llm", "ping"));
    }

    @Test
    void pingOfAScriptedModelIsRefused() {
        assertEquals(2, Main.execute("llm", "ping", "--llm", "scripted:x.json"));
    }
}
