package dev.softwarefactory.runtime.replay;

import dev.softwarefactory.runtime.action.EffectResult;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What an action asks of an effect, to compare with what a source run recorded under the same key. */
public interface EffectRequest {
    int SNIPPET_CHARS = 40;

    /** How the recorded effect's request differs from this one, or empty when they are the same. */
    Optional<String> differenceFrom(EffectResult recorded);

    static EffectRequest llm(String prompt) {
        return recorded -> textDifference("prompt", ((EffectResult.LlmAnswered) recorded).prompt(), prompt);
    }

    static EffectRequest file(String content) {
        return recorded -> textDifference("content", ((EffectResult.FileWritten) recorded).content(), content);
    }

    static EffectRequest exec(List<String> command) {
        return recorded -> {
            List<String> before = ((EffectResult.CommandExited) recorded).command();
            return before.equals(command) ? Optional.empty()
                    : Optional.of("the command differs: recorded " + before + ", now " + command);
        };
    }

    /** A clock read asks nothing that could differ. */
    static EffectRequest any() {
        return recorded -> Optional.empty();
    }

    private static Optional<String> textDifference(String what, String recorded, String now) {
        if (Objects.equals(recorded, now)) {
            return Optional.empty();
        }
        int at = 0;
        while (at < recorded.length() && at < now.length() && recorded.charAt(at) == now.charAt(at)) {
            at++;
        }
        return Optional.of(String.format("the %s differs at character %d: recorded \"%s\", now \"%s\"", what, at + 1,
                snippet(recorded, at), snippet(now, at)));
    }

    private static String snippet(String text, int at) {
        String part = text.substring(at, Math.min(text.length(), at + SNIPPET_CHARS));
        return part.replace("\n", "\\n");
    }
}
