package dev.softwarefactory.llmgateway.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyChunksTest {
    @Test
    void chunksAreWordsWithTheirSpacesAndJoinToTheText() {
        assertEquals(List.of("sim ", "reply  ", "to: ", "x"), ReplyChunks.split("sim reply  to: x"));
    }

    @Test
    void longWordsAreCutAtSixteenCharacters() {
        String word = "abcdefghijklmnopqrstuvwxyz";

        assertEquals(List.of("abcdefghijklmnop", "qrstuvwxyz"), ReplyChunks.split(word));
    }
}
