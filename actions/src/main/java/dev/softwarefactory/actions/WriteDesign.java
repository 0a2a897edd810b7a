package dev.softwarefactory.actions;

import dev.softwarefactory.runtime.action.Action;
import dev.softwarefactory.runtime.action.ActionContext;
import dev.softwarefactory.runtime.action.ActionInput;
import dev.softwarefactory.runtime.action.Draft;
import java.util.List;
import java.util.Map;

/** Turns the PRD into a system design with a validated JSON block, written to docs/design.md. */
public final class WriteDesign implements Action {
    public static final String NAME = "WriteDesign";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Draft> run(ActionInput input, ActionContext context) {
        String prd = input.latest(MessageTypes.PRD).orElseThrow().content();
        String prompt = Prompts.render("write-design", Map.of("prd", prd));
        String design = ValidatedAnswer.ask(context, "design", NAME, null, prompt, answer -> {
            Design.parse(answer);
            return answer;
        });
        context.writeFile("docs/design.md", design);
        return List.of(Draft.of(MessageTypes.SYSTEM_DESIGN, design));
    }
}
