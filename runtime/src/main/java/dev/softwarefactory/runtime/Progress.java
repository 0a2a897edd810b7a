package dev.softwarefactory.runtime;

/** What a node tells local observers (the CLI) as a run goes; published on the event stream. */
public sealed interface Progress extends JsonSerializable {
    String runId();

    record ActionStarted(String runId, String role, long invocation, String action) implements Progress {
    }

    record EffectRecorded(String runId, String role, long invocation, String key, String summary)
            implements Progress {
    }

    /** {@code headline}: the first line of the content (e.g. which tests failed), at most 300 characters. */
    record MessagePublished(String runId, long seq, String type, String sender, String headline) implements Progress {
    }

    record ActionFailed(String runId, String role, String action, String reason) implements Progress {
    }
}
