package dev.softwarefactory.runtime;

/** What a node tells local observers (the CLI) as a run goes; published on the event stream. */
public sealed interface Progress {
    String runId();

    record ActionStarted(String runId, String role, long invocation, String action) implements Progress {
    }

    record EffectRecorded(String runId, String role, long invocation, String key, String summary)
            implements Progress {
    }

    record MessagePublished(String runId, long seq, String type, String sender) implements Progress {
    }

    record ActionFailed(String runId, String role, String action, String reason) implements Progress {
    }
}
