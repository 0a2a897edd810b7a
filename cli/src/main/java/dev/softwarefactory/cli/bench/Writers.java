package dev.softwarefactory.cli.bench;

import dev.softwarefactory.llmgateway.ChatMessage;
import dev.softwarefactory.runtime.Message;
import dev.softwarefactory.runtime.RoleDefinition;
import dev.softwarefactory.runtime.RoleMemory;
import dev.softwarefactory.runtime.Sop;
import dev.softwarefactory.runtime.action.Action;
import dev.softwarefactory.runtime.action.ActionContext;
import dev.softwarefactory.runtime.action.ActionInput;
import dev.softwarefactory.runtime.action.Draft;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One role whose one action makes many model calls, writing a file with each answer: a long run
 * for replay benches. The requirement says how many calls and which model action:
 * {@code "<calls> <action>"}, e.g. {@code "200 WriteSlow"}.
 */
final class Writers implements Sop {
    static final String DONE = "Written";
    /** Events of a run besides its writes: requirement, start, end, accounting, delivery. */
    static final int RUN_EVENTS = 9;
    /** Events of one write: the model call, its count by the Company, the file. */
    static final int EVENTS_PER_WRITE = 3;

    /** How many writes make a run of about {@code events} events (at least one). */
    static int writesFor(int events) {
        return Math.max(1, (events - RUN_EVENTS) / EVENTS_PER_WRITE);
    }

    @Override
    public List<RoleDefinition> roles() {
        return List.of(new Writer());
    }

    @Override
    public Optional<String> completes(Message message) {
        return message.type().equals(DONE) ? Optional.of("all files written") : Optional.empty();
    }

    static final class Writer implements RoleDefinition {
        @Override
        public String name() {
            return "Writer";
        }

        @Override
        public String profile() {
            return "writes many files";
        }

        @Override
        public Set<String> watches() {
            return Set.of(Message.REQUIREMENT);
        }

        @Override
        public List<Action> actions() {
            return List.of(new WriteMany());
        }

        @Override
        public Optional<Plan> next(RoleMemory memory) {
            return memory.unconsumed().stream().findFirst().map(m -> new Plan("WriteMany", List.of(m.id())));
        }
    }

    static final class WriteMany implements Action {
        @Override
        public String name() {
            return "WriteMany";
        }

        @Override
        public List<Draft> run(ActionInput input, ActionContext context) {
            String[] order = input.triggers().get(0).content().split(" ");
            int calls = Integer.parseInt(order[0]);
            for (int i = 1; i <= calls; i++) {
                String file = "src/file" + i + ".txt";
                String text = context.llm("write:" + file, order[1], file, List.of(ChatMessage.user("write " + file)))
                        .text();
                context.writeFile(file, text);
            }
            return List.of(Draft.of(DONE, calls + " files"));
        }
    }
}
