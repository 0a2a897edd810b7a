package dev.softwarefactory.actions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** WriteTasks' ```json block: one task per source file of the design, with the files it needs first. */
public record TaskList(List<Task> tasks) {

    public record Task(String file, List<String> dependsOn, String summary) {
    }

    /** Parses a WriteTasks answer and checks it against the design; {@link AnswerRejected} says why not. */
    public static TaskList parse(String answer, Design design) {
        JsonNode node = ModelAnswers.lastJsonObject(answer);
        JsonNode given = node.get("tasks");
        if (given == null || !given.isArray() || given.isEmpty()) {
            throw new AnswerRejected("\"tasks\" must be a non-empty list of {\"file\", \"depends_on\", \"summary\"}");
        }
        Map<String, Task> byFile = new LinkedHashMap<>();
        for (JsonNode item : given) {
            if (!item.isObject()) {
                throw new AnswerRejected("\"tasks\" must hold objects");
            }
            Task task = new Task(ModelAnswers.text(item, "file"), ModelAnswers.strings(item, "depends_on", true),
                    ModelAnswers.text(item, "summary"));
            if (!design.files().contains(task.file())) {
                throw new AnswerRejected("task for " + task.file() + ", which is not a file of the design");
            }
            if (byFile.put(task.file(), task) != null) {
                throw new AnswerRejected("two tasks for " + task.file());
            }
        }
        List<String> missing = design.files().stream().filter(f -> !byFile.containsKey(f)).toList();
        if (!missing.isEmpty()) {
            throw new AnswerRejected("no task for " + String.join(", ", missing));
        }
        for (Task task : byFile.values()) {
            for (String needed : task.dependsOn()) {
                if (!byFile.containsKey(needed) || needed.equals(task.file())) {
                    throw new AnswerRejected(task.file() + " depends on " + needed
                            + ", which is not another task's file");
                }
            }
        }
        TaskList list = new TaskList(List.copyOf(byFile.values()));
        list.waves();
        return list;
    }

    /** The tasks in waves: each wave's files depend only on earlier waves, so a wave can run at once. */
    public List<List<Task>> waves() {
        List<List<Task>> waves = new ArrayList<>();
        Set<String> done = new HashSet<>();
        List<Task> left = new ArrayList<>(tasks);
        while (!left.isEmpty()) {
            List<Task> wave = left.stream().filter(t -> done.containsAll(t.dependsOn())).toList();
            if (wave.isEmpty()) {
                throw new AnswerRejected("the dependencies between tasks form a cycle among "
                        + left.stream().map(Task::file).toList());
            }
            waves.add(wave);
            wave.forEach(t -> done.add(t.file()));
            left.removeAll(wave);
        }
        return waves;
    }
}
