package dev.softwarefactory.runtime;

import dev.softwarefactory.llmgateway.ChatMessage;
import dev.softwarefactory.runtime.action.Action;
import dev.softwarefactory.runtime.action.ActionContext;
import dev.softwarefactory.runtime.action.ActionInput;
import dev.softwarefactory.runtime.action.Draft;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * TestCompany's Writer and Reviewer, except that the Writer's prompt carries a random number when
 * the requirement asks to "roll dice": a deliberately non-deterministic action for replay tests.
 */
final class DiceCompany implements Sop {
    private final TestCompany plain = new TestCompany();

    @Override
    public List<RoleDefinition> roles() {
        return List.of(new TestCompany.OneActionRole("Writer", Message.REQUIREMENT, new DiceWrite()),
                plain.roles().get(1));
    }

    @Override
    public Optional<String> completes(Message message) {
        return plain.completes(message);
    }

    static final class DiceWrite implements Action {
        @Override
        public String name() {
            return "Write";
        }

        @Override
        public List<Draft> run(ActionInput input, ActionContext context) {
            String requirement = input.triggers().get(0).content();
            String prompt = requirement.contains("roll dice")
                    ? requirement + " " + ThreadLocalRandom.current().nextInt(1_000_000) : requirement;
            String text = context.llm("draft", "Write", "draft.md", List.of(ChatMessage.user(prompt))).text();
            context.writeFile("draft.md", text);
            return List.of(Draft.of(TestCompany.DRAFT, text));
        }
    }
}
