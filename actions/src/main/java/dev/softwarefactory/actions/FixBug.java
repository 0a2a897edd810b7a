package dev.softwarefactory.actions;

import dev.softwarefactory.runtime.action.Action;
import dev.softwarefactory.runtime.action.ActionContext;
import dev.softwarefactory.runtime.action.ActionInput;
import dev.softwarefactory.runtime.action.Draft;
import java.util.List;
import java.util.Map;

/** Rewrites the files a bug report or review comments point at; answers whole files. */
public final class FixBug implements Action {
    public static final String NAME = "FixBug";
    public static final String FIXED = "FIXED";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Draft> run(ActionInput input, ActionContext context) {
        String designText = input.latest(MessageTypes.SYSTEM_DESIGN).orElseThrow().content();
        Design design = Design.parse(designText);
        String problem = input.triggers().get(0).type() + ":\n" + input.triggers().get(0).content();
        String prompt = Prompts.render("fix-bug", Map.of("design", designText, "problem", problem,
                "code", new FileSet(CodeBase.current(input, design)).render()));
        FileSet fixed = ValidatedAnswer.ask(context, "fix", NAME, null, prompt,
                answer -> FileSet.parse(answer, design.allFiles()));
        fixed.files().forEach(context::writeFile);
        return List.of(Draft.of(MessageTypes.CODE_CHANGE, FIXED + "\n\n" + fixed.render()));
    }
}
