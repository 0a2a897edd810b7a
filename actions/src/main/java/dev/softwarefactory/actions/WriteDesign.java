package dev.softwarefactory.actions;

import dev.softwarefactory.llmgateway.ChatMessage;
import dev.softwarefactory.runtime.action.Action;
import dev.softwarefactory.runtime.action.ActionContext;
import dev.softwarefactory.runtime.action.ActionInput;
import dev.softwarefactory.runtime.action.Draft;
import java.util.List;
import java.util.Map;

/** Turns the PRD into a design with a file list and test command, written to docs/design.md. */
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
        String design = context.llm("design", NAME, null, List.of(ChatMessage.user(prompt))).text();
        Design.parse(design);
        context.writeFile("docs/design.md", design);
        return List.of(Draft.of(MessageTypes.SYSTEM_DESIGN, design));
    }
}
