package dev.softwarefactory.actions;

import static dev.softwarefactory.actions.Answers.assertRejected;
import static dev.softwarefactory.actions.Answers.withJson;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TaskListTest {
    private static final String TEXTSTATS = "{\"file\": \"textstats.py\", \"depends_on\": [], \"summary\": \"s\"}";
    private static final String WORDFREQ =
            "{\"file\": \"wordfreq.py\", \"depends_on\": [\"textstats.py\"], \"summary\": \"cli\"}";

    private static TaskList parse(String... tasks) {
        return TaskList.parse(withJson("{\"tasks\": [" + String.join(", ", tasks) + "]}"), Answers.design());
    }

    private static void assertTasksRejected(String expected, String... tasks) {
        assertRejected(() -> parse(tasks), expected);
    }

    @Test
    void dependentFilesComeInALaterWave() {
        List<List<TaskList.Task>> waves = parse(WORDFREQ, TEXTSTATS).waves();

        assertEquals(List.of("textstats.py"), waves.get(0).stream().map(TaskList.Task::file).toList());
        assertEquals(List.of("wordfreq.py"), waves.get(1).stream().map(TaskList.Task::file).toList());
    }

    @Test
    void independentFilesShareAWave() {
        List<List<TaskList.Task>> waves = parse(TEXTSTATS, WORDFREQ.replace("[\"textstats.py\"]", "[]")).waves();

        assertEquals(1, waves.size());
        assertEquals(2, waves.get(0).size());
    }

    @Test
    void aDesignFileWithoutATaskIsRejected() {
        assertTasksRejected("no task for wordfreq.py", TEXTSTATS);
    }

    @Test
    void aTaskForAFileOutsideTheDesignIsRejected() {
        assertTasksRejected("not a file of the design", TEXTSTATS, WORDFREQ,
                TEXTSTATS.replace("textstats.py", "extra.py"));
    }

    @Test
    void twoTasksForOneFileAreRejected() {
        assertTasksRejected("two tasks for textstats.py", TEXTSTATS, WORDFREQ, TEXTSTATS);
    }

    @Test
    void aDependencyOnAnUnknownFileIsRejected() {
        assertTasksRejected("depends on nowhere.py", TEXTSTATS, WORDFREQ.replace("[\"textstats.py\"]",
                "[\"nowhere.py\"]"));
    }

    @Test
    void aCycleIsRejected() {
        assertTasksRejected("form a cycle", TEXTSTATS.replace("[]", "[\"wordfreq.py\"]"), WORDFREQ);
    }

    @Test
    void aMissingTaskListIsRejected() {
        assertRejected(() -> TaskList.parse(withJson("{\"steps\": []}"), Answers.design()), "\"tasks\" must be");
    }
}
