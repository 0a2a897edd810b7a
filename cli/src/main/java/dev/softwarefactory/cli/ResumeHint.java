package dev.softwarefactory.cli;

import java.nio.file.Path;

/** The exact command that continues a run: the jar this process runs from, the run, its data dir. */
final class ResumeHint {
    private ResumeHint() {
    }

    static String command(String runId, Path dataDir) {
        return launcher() + "resume " + runId + " --data-dir " + quoted(dataDir.toString());
    }

    /** The same through a serving node, which holds the data dir. */
    static String onNode(String runId, String url) {
        return launcher() + "resume " + runId + " --node " + quoted(url);
    }

    /** "java -jar /path/node.jar " when running from the jar; nothing when run from classes (tests, IDEs). */
    private static String launcher() {
        try {
            Path code = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return code.toString().endsWith(".jar") ? "java -jar " + quoted(code.toString()) + " " : "";
        } catch (Exception e) {
            return "";
        }
    }

    private static String quoted(String text) {
        return text.matches("[A-Za-z0-9_./:=@%+-]+") ? text : "'" + text.replace("'", "'\\''") + "'";
    }
}
