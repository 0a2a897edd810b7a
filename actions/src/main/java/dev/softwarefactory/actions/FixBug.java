package dev.softwarefactory.actions;

import dev.softwarefactory.runtime.action.Action;
import dev.softwarefactory.runtime.action.ActionContext;
import dev.softwarefactory.runtime.action.ActionInput;
import dev.softwarefactory.runtime.action.Draft;
import java.util.List;
import java.util.Map;

/**
 * Rewrites the source files a bug report or review comments point at; answers whole files. Tests are
 * QA's: a fix that needs a test changed asks for it, and the request goes to QA instead of a code change.
 */
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
        Map<String, String> current = CodeBase.current(input, design);
        String prompt = Prompts.render("fix-bug", Map.of("design", designText, "problem", problem,
                "code", new FileSet(current).render(), "sources", String.join(", ", design.files()),
                "tests", String.join(", ", design.testFiles())));
        FixAnswer fixed = ValidatedAnswer.ask(context, "fix", NAME, null, prompt,
                answer -> FixAnswer.parse(answer, design, current));
        fixed.files().files().forEach(context::writeFile);
        if (fixed.testChangeRequest().isPresent()) {
            return List.of(Draft.of(MessageTypes.TEST_CHANGE_REQUEST,
                    new TestChangeRequest(fixed.testChangeRequest().get(), fixed.files()).render()));
        }
        return List.of(Draft.of(MessageTypes.CODE_CHANGE, FIXED + "\n\n" + fixed.files().render()));
    }
}
