package dev.softwarefactory.actions;

import dev.softwarefactory.runtime.Message;
import dev.softwarefactory.runtime.action.Action;
import dev.softwarefactory.runtime.action.ActionContext;
import dev.softwarefactory.runtime.action.ActionInput;
import dev.softwarefactory.runtime.action.Draft;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * QA decides on an Engineer's test change request against the PRD's acceptance criteria: a revised
 * test goes out as new test code (and runs), a rejection goes back as a bug report saying why.
 */
public final class ReviseTests implements Action {
    public static final String NAME = "ReviseTests";
    public static final String REJECTED = "TEST CHANGE REJECTED";
    public static final String REVISED = "REVISED";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Draft> run(ActionInput input, ActionContext context) {
        String designText = input.latest(MessageTypes.SYSTEM_DESIGN).orElseThrow().content();
        Design design = Design.parse(designText);
        Message trigger = input.triggers().get(0);
        TestChangeRequest request = TestChangeRequest.parse(trigger.content(), design);
        String failure = input.memory().stream().filter(m -> Objects.equals(m.id(), trigger.causedBy()))
                .map(Message::content).findFirst().orElse("(none: the request answers a code review)");
        Map<String, String> current = CodeBase.current(input, design);
        String prompt = Prompts.render("revise-tests", Map.of(
                "criteria", AcceptanceCriteria.of(input.latest(MessageTypes.PRD).orElseThrow().content()),
                "request", request.request(), "failure", failure, "design", designText,
                "code", new FileSet(current).render()));
        TestDecision decision = ValidatedAnswer.ask(context, "revise-tests", NAME, null, prompt,
                answer -> TestDecision.parse(answer, design));
        if (decision.rejection().isPresent()) {
            return List.of(Draft.of(MessageTypes.BUG_REPORT, REJECTED + ": " + decision.rejection().get()
                    + "\n\nThe tests stay as they are: change the source files so that they pass.\n\nThe failure:\n"
                    + failure));
        }
        decision.revised().files().forEach(context::writeFile);
        return List.of(Draft.of(MessageTypes.TEST_CODE, REVISED + " at the Engineer's request: " + request.request()
                .lines().findFirst().orElse("") + "\n\n" + decision.revised().render()));
    }
}
