package dev.softwarefactory.llmgateway;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The first line of every prompt: {@code Action: WriteCode file=src/game.py}. */
public record PromptHeader(String action, String target) {
    private static final Pattern LINE = Pattern.compile("^Action: (\\S+)(?: file=(.+?))?\\s*$");

    public String line() {
        return target == null ? "Action: " + action : "Action: " + action + " file=" + target;
    }

    /** Reads the header from the first line of a prompt, if it has one. */
    public static Optional<PromptHeader> parse(String prompt) {
        int end = prompt.indexOf('\n');
        Matcher m = LINE.matcher(end < 0 ? prompt : prompt.substring(0, end));
        return m.matches() ? Optional.of(new PromptHeader(m.group(1), m.group(2))) : Optional.empty();
    }
}
