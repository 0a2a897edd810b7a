package dev.softwarefactory.runtime;

import dev.softwarefactory.llmgateway.ChatMessage;
import dev.softwarefactory.runtime.action.Action;
import dev.softwarefactory.runtime.action.ActionContext;
import dev.softwarefactory.runtime.action.ActionInput;
import dev.softwarefactory.runtime.action.Draft;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A two-role company for runtime tests: a Writer drafts, a Reviewer approves or not. */
final class TestCompany implements Sop {
    static final String DRAFT = "Draft";
    static final String REVIEW = "Review";

    @Override
    public List<RoleDefinition> roles() {
        return List.of(new OneActionRole("Writer", Message.REQUIREMENT, new Write()),
                new OneActionRole("Reviewer", DRAFT, new Review()));
    }

    @Override
    public Optional<String> completes(Message message) {
        return message.type().equals(REVIEW) && message.content().startsWith("APPROVED")
                ? Optional.of("the draft is approved") : Optional.empty();
    }

    static final class Write implements Action {
        @Override
        public String name() {
            return "Write";
        }

        @Override
        public List<Draft> run(ActionInput input, ActionContext context) {
            String text = context.llm("draft", "Write", "draft.md",
                    List.of(ChatMessage.user(input.triggers().get(0).content()))).text();
            context.writeFile("draft.md", text);
            return List.of(Draft.of(DRAFT, text));
        }
    }

    static final class Review implements Action {
        @Override
        public String name() {
            return "Review";
        }

        @Override
        public List<Draft> run(ActionInput input, ActionContext context) {
            String verdict = context.llm("review", "Review", null,
                    List.of(ChatMessage.user(input.triggers().get(0).content()))).text();
            return List.of(Draft.of(REVIEW, verdict));
        }
    }

    record OneActionRole(String name, String watched, Action action) implements RoleDefinition {
        @Override
        public String profile() {
            return name;
        }

        @Override
        public Set<String> watches() {
            return Set.of(watched);
        }

        @Override
        public List<Action> actions() {
            return List.of(action);
        }

        @Override
        public Optional<Plan> next(RoleMemory memory) {
            return memory.unconsumed().stream().findFirst().map(m -> new Plan(action.name(), List.of(m.id())));
        }
    }
}
