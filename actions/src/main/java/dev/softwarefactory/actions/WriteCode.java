package dev.softwarefactory.actions;

import dev.softwarefactory.runtime.action.Action;
import dev.softwarefactory.runtime.action.ActionContext;
import dev.softwarefactory.runtime.action.ActionInput;
import dev.softwarefactory.runtime.action.Draft;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Writes every source file of the task list, one model call each, against the design's interfaces
 * and the files it depends on: the files of a wave at once, dependents in a later wave.
 */
public final class WriteCode implements Action {
    public static final String NAME = "WriteCode";
    public static final String WRITTEN = "WRITTEN";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Draft> run(ActionInput input, ActionContext context) {
        String designText = input.latest(MessageTypes.SYSTEM_DESIGN).orElseThrow().content();
        Design design = Design.parse(designText);
        TaskList tasks = TaskList.parse(input.latest(MessageTypes.TASK_LIST).orElseThrow().content(), design);
        Map<String, String> written = new LinkedHashMap<>();
        for (List<TaskList.Task> wave : tasks.waves()) {
            List<Callable<String>> work = wave.stream().<Callable<String>>map(task -> () -> {
                Map<String, String> needed = new LinkedHashMap<>();
                task.dependsOn().forEach(f -> needed.put(f, written.get(f)));
                String prompt = Prompts.render("write-code", Map.of("file", task.file(), "task", task.summary(),
                        "interface", String.join("\n", design.interfaces().getOrDefault(task.file(), List.of())),
                        "dependencies", needed.isEmpty() ? "(none)" : new FileSet(needed).render(),
                        "design", designText));
                String code = ValidatedAnswer.ask(context, "code:" + task.file(), NAME, task.file(), prompt,
                        answer -> CodeFile.parse(answer, task.file()));
                context.writeFile(task.file(), code);
                return code;
            }).toList();
            List<String> codes = context.parallel(work);
            for (int i = 0; i < wave.size(); i++) {
                written.put(wave.get(i).file(), codes.get(i));
            }
        }
        Map<String, String> inDesignOrder = new LinkedHashMap<>();
        design.files().forEach(f -> inDesignOrder.put(f, written.get(f)));
        return List.of(Draft.of(MessageTypes.CODE_CHANGE, WRITTEN + "\n\n" + new FileSet(inDesignOrder).render()));
    }
}
