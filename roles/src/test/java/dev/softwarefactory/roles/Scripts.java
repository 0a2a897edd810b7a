package dev.softwarefactory.roles;

import dev.softwarefactory.llmgateway.ScriptEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The demo scenario's script without delays, and variations of it for fault tests. */
final class Scripts {
    private Scripts() {
    }

    static List<ScriptEntry> demo() {
        return DemoScenario.entries().stream().map(e -> new ScriptEntry(e.action(), e.target(), e.reply(), 0)).toList();
    }

    /** The demo script with the entries for an action (and target) replaced by the given replies, in order. */
    static List<ScriptEntry> demoWith(String action, String target, String... replies) {
        List<ScriptEntry> entries = new ArrayList<>();
        boolean placed = false;
        for (ScriptEntry entry : demo()) {
            if (entry.action().equals(action) && Objects.equals(entry.target(), target)) {
                if (!placed) {
                    for (String reply : replies) {
                        entries.add(new ScriptEntry(action, target, reply, 0));
                    }
                    placed = true;
                }
            } else {
                entries.add(entry);
            }
        }
        if (!placed) {
            throw new IllegalArgumentException("the demo has no entry for " + action + " " + target);
        }
        return entries;
    }

    static String reply(String action, String target) {
        return demo().stream().filter(e -> e.action().equals(action) && Objects.equals(e.target(), target))
                .findFirst().orElseThrow().reply();
    }
}
