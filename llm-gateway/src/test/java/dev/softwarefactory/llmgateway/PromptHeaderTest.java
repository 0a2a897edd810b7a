package dev.softwarefactory.llmgateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PromptHeaderTest {

    @Test
    void lineWithTargetNamesActionAndFile() {
        assertEquals("Action: WriteCode file=src/game.py", new PromptHeader("WriteCode", "src/game.py").line());
    }

    @Test
    void lineWithoutTargetNamesOnlyTheAction() {
        assertEquals("Action: WritePRD", new PromptHeader("WritePRD", null).line());
    }

    @Test
    void parseReadsBackTheFirstLineOfAMultiLinePrompt() {
        PromptHeader header = new PromptHeader("WriteCode", "src/game.py");
        String prompt = header.line() + "\nYou are an engineer.\nAction: Other file=not-this.py\n";

        assertEquals(Optional.of(header), PromptHeader.parse(prompt));
    }

    @Test
    void parseReadsBackAHeaderWithoutTarget() {
        PromptHeader header = new PromptHeader("WritePRD", null);

        assertEquals(Optional.of(header), PromptHeader.parse(header.line() + "\nWrite a PRD."));
    }

    @Test
    void promptWithoutHeaderParsesToEmpty() {
        assertEquals(Optional.empty(), PromptHeader.parse("You are a product manager.\nAction: WritePRD\n"));
    }

    @Test
    void parseReadsBackATargetWithSpaces() {
        PromptHeader header = new PromptHeader("WriteCode", "my file.py");
        assertEquals(Optional.of(header), PromptHeader.parse(header.line() + "\nbody"));
    }
}
