package dev.softwarefactory.actions;

import dev.softwarefactory.runtime.Message;
import java.util.List;
import java.util.Optional;

/**
 * Notices a fix loop: the tests' failure, by its signature, is the same after two fixes. The run then
 * ends saying so instead of fixing until the round limit. (A fix identical to the code it replaces
 * never gets this far: FixBug rejects it.)
 */
public final class FixLoopDetector {
    public static final int FIXES = 2;

    private FixLoopDetector() {
    }

    /** Why the run is stuck once {@code published} is in the log, or empty. */
    public static Optional<String> stuck(Message published, List<Message> log) {
        if (!published.type().equals(MessageTypes.BUG_REPORT)) {
            return Optional.empty();
        }
        Optional<String> signature = FailureReport.signatureOf(published.content());
        if (signature.isEmpty()) {
            return Optional.empty();
        }
        List<String> reports = log.stream().filter(m -> m.type().equals(MessageTypes.BUG_REPORT))
                .map(m -> FailureReport.signatureOf(m.content())).flatMap(Optional::stream).toList();
        List<String> last = reports.subList(Math.max(0, reports.size() - FIXES - 1), reports.size());
        if (last.size() <= FIXES || !last.stream().allMatch(signature.get()::equals)) {
            return Optional.empty();
        }
        return Optional.of("the same failure after " + FIXES + " fixes (" + FailureReport.SIGNATURE
                + signature.get() + "), so fixing goes in circles: " + failure(published.content()));
    }

    /** The report's headline without its exit code and time, which change from run to run. */
    private static String failure(String report) {
        return FailureReport.headlineOf(report).replaceFirst(" \\(exit -?\\d+, \\d+ ms\\)", "");
    }
}
