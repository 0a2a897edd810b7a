package dev.softwarefactory.actions;

import dev.softwarefactory.llmgateway.ChatMessage;
import dev.softwarefactory.runtime.action.ActionContext;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Asks the model and parses its answer; a rejected answer is sent back with the reason, as a new
 * call for the same action and target, before the action gives up.
 */
final class ValidatedAnswer {
    private ValidatedAnswer() {
    }

    static <T> T ask(ActionContext context, String key, String action, String target, String prompt,
            Function<String, T> parse) {
        String request = prompt;
        String reason = "";
        for (int attempt = 1; attempt <= AnswerAttempts.MAX; attempt++) {
            String effectKey = AnswerAttempts.key(key, attempt);
            String answer = context.llm(effectKey, action, target, List.of(ChatMessage.user(request))).text();
            try {
                return parse.apply(answer);
            } catch (AnswerRejected e) {
                reason = e.getMessage();
                request = prompt + "\n\n" + Prompts.render("answer-rejected", Map.of("reason", reason));
            }
        }
        throw new IllegalStateException(action + (target == null ? "" : " " + target) + ": the model's answer was "
                + "rejected " + AnswerAttempts.MAX + " times; last reason: " + reason);
    }
}
