package dev.softwarefactory.actions;

import java.util.List;

/** One failing or hung test: its name, its assertion message, and the traceback frames in project files. */
public record TestFailure(String test, String message, List<String> frames) {
    public static final String STILL_RUNNING = "still running when the time limit was reached";

    static TestFailure hung(String test, List<String> frames) {
        return new TestFailure(test, STILL_RUNNING, frames);
    }

    public TestFailure {
        message = message == null ? "" : message.strip();
        frames = List.copyOf(frames);
    }
}
