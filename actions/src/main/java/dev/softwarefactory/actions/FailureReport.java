package dev.softwarefactory.actions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a red step's report: the headline, each failing test with its assertion message and
 * project frames, the head and tail of the output with the runner's failure summary always in it,
 * and a signature that stays the same while the failure does.
 */
public final class FailureReport {
    public static final String SIGNATURE = "Failure signature: ";
    static final int OUTPUT_CHARS = 6000;
    static final int HEAD_CHARS = 1000;
    private static final int MAX_LISTED = 10;
    private static final Pattern SUMMARY_START = Pattern.compile(
            "(?m)^(=+ short test summary info =+|\\[ERROR\\] Failures:|\\[ERROR\\] Errors:|# fail \\d+)$");
    private static final Pattern VOLATILE = Pattern.compile("0x[0-9a-fA-F]+|\\d+(\\.\\d+)?");

    private FailureReport() {
    }

    /** {@code outcome} is e.g. "(exit 1, 230 ms)" or "timed out after 20 s". */
    public static String render(String step, String outcome, TestResults results, String output) {
        StringBuilder report = new StringBuilder(RunTests.FAILED + ": " + step + " " + outcome);
        if (results.known()) {
            report.append(": ").append(headline(results)).append('\n');
            for (TestFailure failure : results.failures().subList(0, Math.min(MAX_LISTED, results.failures().size()))) {
                report.append("- ").append(failure.test()).append('\n');
                failure.message().lines().limit(12).forEach(l -> report.append("  ").append(l).append('\n'));
                failure.frames().forEach(f -> report.append("    ").append(f).append('\n'));
            }
            if (results.failures().size() > MAX_LISTED) {
                report.append("- and ").append(results.failures().size() - MAX_LISTED).append(" more\n");
            }
            report.append("\nOutput (head and tail):\n");
        } else {
            report.append('\n');
        }
        report.append(excerpt(output, results.known() ? OUTPUT_CHARS / 2 : OUTPUT_CHARS));
        if (!report.toString().endsWith("\n")) {
            report.append('\n');
        }
        return report.append('\n').append(SIGNATURE).append(signature(results, output)).append('\n').toString();
    }

    /** "2 of 6 tests failed: a, b" (the count when the runner reported it), or the test that hung. */
    static String headline(TestResults results) {
        Optional<String> hung = results.failures().stream().filter(f -> f.message().equals(TestFailure.STILL_RUNNING))
                .map(TestFailure::test).findFirst();
        if (hung.isPresent()) {
            return "while running " + hung.get();
        }
        List<String> names = results.failures().stream().map(TestFailure::test).toList();
        String of = results.tests() > 0 ? " of " + results.tests() : "";
        String tests = names.size() == 1 && results.tests() <= 1 ? " test" : " tests";
        String listed = String.join(", ", names.subList(0, Math.min(3, names.size())))
                + (names.size() > 3 ? ", ..." : "");
        return names.size() + of + tests + " failed: " + listed;
    }

    /** The signature line of a report RunTests wrote, if it has one. */
    public static Optional<String> signatureOf(String report) {
        if (!report.startsWith(RunTests.FAILED)) {
            return Optional.empty();
        }
        int at = report.lastIndexOf("\n" + SIGNATURE);
        return at < 0 ? Optional.empty()
                : Optional.of(report.substring(at + 1 + SIGNATURE.length()).lines().findFirst().orElse("").strip());
    }

    /** The first line of a report: what failed, for progress lines. */
    public static String headlineOf(String report) {
        return report.lines().findFirst().orElse("");
    }

    /**
     * Head and tail of the output within {@code limit} characters; the runner's failure summary is in
     * the tail whenever it fits, however much was printed before it.
     */
    static String excerpt(String output, int limit) {
        if (output.length() <= limit) {
            return output;
        }
        Matcher summary = SUMMARY_START.matcher(output);
        int summaryStart = -1;
        while (summary.find()) {
            summaryStart = summary.start();
        }
        int tail = limit - HEAD_CHARS;
        if (summaryStart >= 0 && output.length() - summaryStart > tail) {
            tail = Math.min(limit, output.length() - summaryStart);
        }
        int head = Math.max(0, limit - tail);
        return output.substring(0, head) + (head > 0 ? "\n" : "") + "[... " + (output.length() - head - tail)
                + " characters cut ...]\n" + output.substring(output.length() - tail);
    }

    /** Failing tests and their first message lines, or the tail of the output, with numbers masked. */
    static String signature(TestResults results, String output) {
        StringBuilder basis = new StringBuilder();
        if (results.known()) {
            results.failures().stream().map(f -> f.test() + "\n" + f.message().lines().findFirst().orElse(""))
                    .sorted().forEach(s -> basis.append(s).append('\n'));
        } else {
            List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
            lines.subList(Math.max(0, lines.size() - 20), lines.size()).forEach(l -> basis.append(l).append('\n'));
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(VOLATILE.matcher(basis).replaceAll("#").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
