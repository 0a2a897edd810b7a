package dev.softwarefactory.actions;

import dev.softwarefactory.runtime.action.Action;
import dev.softwarefactory.runtime.action.ActionContext;
import dev.softwarefactory.runtime.action.ActionInput;
import dev.softwarefactory.runtime.action.Draft;
import java.util.List;
import java.util.Map;

/** Reviews the freshly written code against the design: approved, or comments per file. */
public final class ReviewCode implements Action {
    public static final String NAME = "ReviewCode";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Draft> run(ActionInput input, ActionContext context) {
        String designText = input.latest(MessageTypes.SYSTEM_DESIGN).orElseThrow().content();
        Design design = Design.parse(designText);
        String prompt = Prompts.render("review-code", Map.of("design", designText,
                "code", new FileSet(CodeBase.current(input, design)).render()));
        Review review = ValidatedAnswer.ask(context, "review", NAME, null, prompt, a -> Review.parse(a, design));
        return List.of(Draft.of(MessageTypes.CODE_REVIEW, review.render()));
    }
}
