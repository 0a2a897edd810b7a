package dev.softwarefactory.actions;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small checks and extractions on model answers, shared by the actions. */
final class ModelAnswers {
    private static final Pattern FENCE = Pattern.compile("```[\\w.+-]*\\n(.*?)```", Pattern.DOTALL);

    private ModelAnswers() {
    }

    static String nonBlank(String answer, String action) {
        if (answer == null || answer.isBlank()) {
            throw new IllegalArgumentException(action + ": the model answered nothing");
        }
        return answer;
    }

    /** The body of the only fenced block, or the whole answer when it has none. */
    static String codeBody(String answer) {
        Matcher m = FENCE.matcher(answer);
        return m.find() ? m.group(1) : answer.endsWith("\n") ? answer : answer + "\n";
    }

    /** The body of the last fenced block tagged json. */
    static String lastJsonBlock(String answer, String action) {
        Matcher m = Pattern.compile("```json\\s*\\n(.*?)```", Pattern.DOTALL).matcher(answer);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        if (last == null) {
            throw new IllegalArgumentException(action + ": the answer has no ```json block");
        }
        return last;
    }
}
