package dev.softwarefactory.actions;

import dev.softwarefactory.runtime.action.Action;
import dev.softwarefactory.runtime.action.ActionContext;
import dev.softwarefactory.runtime.action.ActionInput;
import dev.softwarefactory.runtime.action.Draft;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The last step once the tests pass: the project's README (install and run) and its dependency file. */
public final class WriteReadme implements Action {
    public static final String NAME = "WriteReadme";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Draft> run(ActionInput input, ActionContext context) {
        String designText = input.latest(MessageTypes.SYSTEM_DESIGN).orElseThrow().content();
        Design design = Design.parse(designText);
        String prompt = Prompts.render("write-readme", Map.of("prd",
                input.latest(MessageTypes.PRD).orElseThrow().content(), "design", designText));
        String readme = ValidatedAnswer.ask(context, "readme", NAME, "README.md", prompt, Readme::parse);
        context.writeFile("README.md", readme);
        List<String> delivered = new ArrayList<>(List.of("README.md"));
        DependencyFile.of(design).ifPresent(file -> {
            context.writeFile(file.path(), file.content());
            delivered.add(file.path());
        });
        design.toolchain().buildFile().ifPresent(delivered::add);
        return List.of(Draft.of(MessageTypes.DELIVERY, String.join("\n", delivered)));
    }
}
