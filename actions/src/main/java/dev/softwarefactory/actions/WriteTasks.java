package dev.softwarefactory.actions;

import dev.softwarefactory.runtime.action.Action;
import dev.softwarefactory.runtime.action.ActionContext;
import dev.softwarefactory.runtime.action.ActionInput;
import dev.softwarefactory.runtime.action.Draft;
import java.util.List;
import java.util.Map;

/** Splits the design into one task per source file with dependencies, written to docs/tasks.md. */
public final class WriteTasks implements Action {
    public static final String NAME = "WriteTasks";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Draft> run(ActionInput input, ActionContext context) {
        String designText = input.latest(MessageTypes.SYSTEM_DESIGN).orElseThrow().content();
        Design design = Design.parse(designText);
        String prompt = Prompts.render("write-tasks", Map.of("design", designText,
                "files", String.join(", ", design.files())));
        String tasks = ValidatedAnswer.ask(context, "tasks", NAME, null, prompt, answer -> {
            TaskList.parse(answer, design);
            return answer;
        });
        context.writeFile("docs/tasks.md", tasks);
        return List.of(Draft.of(MessageTypes.TASK_LIST, tasks));
    }
}
