package dev.softwarefactory.actions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.softwarefactory.runtime.action.ActionContext;
import dev.softwarefactory.runtime.action.Draft;
import dev.softwarefactory.runtime.action.EffectResult.CommandExited;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The environment a project's tests passed in, read back by QA right after, where they ran: the
 * environment lives under the runtime's {@code .sf/} folder of the node that tested, which no other
 * node has, and in a cluster the README may be written on another. What it held (empty when its
 * describe command printed nothing readable, with that command's last line as the reason), and npm's
 * lock file (written into the workspace as the install made it) when the design brings none.
 */
public record TestedEnvironment(Optional<InstalledEnvironment> installed, Optional<String> lockFile, String unreadable) {
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads the environment back in the node's copy of the workspace. */
    static TestedEnvironment readBack(ActionContext context, Design design, ProjectEnvironment environment) {
        CommandExited described = context.exec("describe-environment", environment.describe(), READ_TIMEOUT);
        Optional<InstalledEnvironment> installed = described.exitCode() == 0
                ? InstalledEnvironment.parse(described.output()) : Optional.empty();
        if (installed.isEmpty()) {
            String last = DependencyReport.lastLine(described.output());
            return new TestedEnvironment(installed, Optional.empty(), "exit " + described.exitCode()
                    + (last.isBlank() ? "" : ": " + last));
        }
        Optional<String> lockFile = Optional.empty();
        if (environment instanceof NpmEnvironment && !design.files().contains(NpmEnvironment.LOCK_FILE)) {
            CommandExited lock = context.exec("lock-file", List.of("cat", NpmEnvironment.INSTALLED_LOCK),
                    READ_TIMEOUT);
            if (lock.exitCode() == 0 && InstalledEnvironment.isJson(lock.output())) {
                context.writeFile(NpmEnvironment.LOCK_FILE, lock.output());
                lockFile = Optional.of(NpmEnvironment.LOCK_FILE);
            }
        }
        return new TestedEnvironment(installed, lockFile, "");
    }

    /** An Environment message's content; one that is not JSON reads as unreadable. */
    public static TestedEnvironment parse(String json) {
        Optional<InstalledEnvironment> installed = InstalledEnvironment.parse(json);
        try {
            var node = JSON.readTree(json);
            String lockFile = node.path("lockFile").asText("");
            return new TestedEnvironment(installed, lockFile.isEmpty() ? Optional.empty() : Optional.of(lockFile),
                    node.path("unreadable").asText(""));
        } catch (JsonProcessingException e) {
            return new TestedEnvironment(Optional.empty(), Optional.empty(), "not JSON");
        }
    }

    /**
     * The Environment message: the installed environment's JSON with the lock file QA wrote, if any;
     * else why it was not readable. Sent whichever it is, so the README's writer knows when to start.
     */
    Draft draft() {
        try {
            ObjectNode node = installed.isPresent() ? JSON.valueToTree(installed.get())
                    : JSON.createObjectNode().put("unreadable", unreadable);
            lockFile.ifPresent(path -> node.put("lockFile", path));
            return Draft.of(MessageTypes.ENVIRONMENT, JSON.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
