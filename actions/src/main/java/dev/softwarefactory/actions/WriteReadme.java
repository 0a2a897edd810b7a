package dev.softwarefactory.actions;

import dev.softwarefactory.runtime.action.Action;
import dev.softwarefactory.runtime.action.ActionContext;
import dev.softwarefactory.runtime.action.ActionInput;
import dev.softwarefactory.runtime.action.Draft;
import dev.softwarefactory.runtime.action.EffectResult.CommandExited;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The last step once the tests pass: the project's README (install and run) and its dependency file,
 * both from what was tested: the environment the tests ran in (read back from it) and the design.
 */
public final class WriteReadme implements Action {
    public static final String NAME = "WriteReadme";
    private static final Duration DESCRIBE_TIMEOUT = Duration.ofSeconds(60);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Draft> run(ActionInput input, ActionContext context) {
        String designText = input.latest(MessageTypes.SYSTEM_DESIGN).orElseThrow().content();
        Design design = Design.parse(designText);
        ProjectEnvironment environment = ProjectEnvironment.of(design, PackageSources.installerDefaults());
        CommandExited described = context.exec("describe-environment", environment.describe(), DESCRIBE_TIMEOUT);
        Optional<InstalledEnvironment> tested = described.exitCode() == 0
                ? InstalledEnvironment.parse(described.output()) : Optional.empty();
        String prompt = Prompts.render("write-readme", Map.of("prd",
                input.latest(MessageTypes.PRD).orElseThrow().content(), "design", designText,
                "environment", tested.map(InstalledEnvironment::toJson).orElse("(not readable)")));
        String readme = ValidatedAnswer.ask(context, "readme", NAME, "README.md", prompt, Readme::parse);
        context.writeFile("README.md", readme);
        List<String> delivered = new ArrayList<>(List.of("README.md"));
        DependencyFile.of(design, tested).ifPresent(file -> {
            context.writeFile(file.path(), file.content());
            delivered.add(file.path());
        });
        design.toolchain().buildFile().ifPresent(delivered::add);
        if (environment instanceof NpmEnvironment && !design.files().contains(NpmEnvironment.LOCK_FILE)) {
            CommandExited lock = context.exec("lock-file", List.of("cat", NpmEnvironment.INSTALLED_LOCK),
                    DESCRIBE_TIMEOUT);
            if (lock.exitCode() == 0 && InstalledEnvironment.isJson(lock.output())) {
                context.writeFile(NpmEnvironment.LOCK_FILE, lock.output());
                delivered.add(NpmEnvironment.LOCK_FILE);
            }
        }
        List<Draft> drafts = new ArrayList<>(List.of(Draft.of(MessageTypes.DELIVERY, String.join("\n", delivered))));
        tested.ifPresent(env -> drafts.add(Draft.of(MessageTypes.ENVIRONMENT, env.toJson())));
        return drafts;
    }
}
