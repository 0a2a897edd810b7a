package dev.softwarefactory.llmgateway.openai;

import java.util.ArrayList;
import java.util.List;

/** Splits a reply into stream chunks: a word with its trailing space, long words cut at 16 characters. */
public final class ReplyChunks {
    private static final int MAX = 16;

    private ReplyChunks() {
    }

    public static List<String> split(String text) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            boolean wordEnd = Character.isWhitespace(text.charAt(i))
                    && (i + 1 == text.length() || !Character.isWhitespace(text.charAt(i + 1)));
            if (wordEnd || i + 1 - start == MAX) {
                pieces.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            pieces.add(text.substring(start));
        }
        return pieces;
    }
}
