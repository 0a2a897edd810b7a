package dev.softwarefactory.actions;

import dev.softwarefactory.runtime.Message;
import dev.softwarefactory.runtime.action.Action;
import dev.softwarefactory.runtime.action.ActionContext;
import dev.softwarefactory.runtime.action.ActionInput;
import dev.softwarefactory.runtime.action.Draft;
import java.util.List;
import java.util.Map;

/** Turns the requirement into a PRD, written to docs/prd.md. */
public final class WritePrd implements Action {
    public static final String NAME = "WritePRD";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Draft> run(ActionInput input, ActionContext context) {
        Message requirement = input.latest(Message.REQUIREMENT).orElseThrow();
        String prompt = Prompts.render("write-prd", Map.of("requirement", requirement.content()));
        String prd = ValidatedAnswer.ask(context, "prd", NAME, null, prompt, Prd::parse);
        context.writeFile("docs/prd.md", prd);
        return List.of(Draft.of(MessageTypes.PRD, prd));
    }
}
