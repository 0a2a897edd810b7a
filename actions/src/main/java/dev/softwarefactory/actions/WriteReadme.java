package dev.softwarefactory.actions;

import dev.softwarefactory.runtime.action.Action;
import dev.softwarefactory.runtime.action.ActionContext;
import dev.softwarefactory.runtime.action.ActionInput;
import dev.softwarefactory.runtime.action.Draft;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The last step once the tests pass: the project's README (install and run) and its dependency file,
 * both from what was tested: the environment the tests ran in (as QA read it back) and the design.
 */
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
        Optional<TestedEnvironment> tested = input.latest(MessageTypes.ENVIRONMENT)
                .map(message -> TestedEnvironment.parse(message.content()));
        Optional<InstalledEnvironment> installed = tested.flatMap(TestedEnvironment::installed);
        String prompt = Prompts.render("write-readme", Map.of("prd",
                input.latest(MessageTypes.PRD).orElseThrow().content(), "design", designText,
                "environment", installed.map(InstalledEnvironment::toJson).orElse("(not readable)")));
        String readme = ValidatedAnswer.ask(context, "readme", NAME, "README.md", prompt, Readme::parse);
        context.writeFile("README.md", readme);
        List<String> delivered = new ArrayList<>(List.of("README.md"));
        DependencyFile.of(design, installed).ifPresent(file -> {
            context.writeFile(file.path(), file.content());
            delivered.add(file.path());
        });
        design.toolchain().buildFile().ifPresent(delivered::add);
        tested.flatMap(TestedEnvironment::lockFile).ifPresent(delivered::add);
        return List.of(Draft.of(MessageTypes.DELIVERY, String.join("\n", delivered)));
    }
}
