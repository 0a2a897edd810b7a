package dev.softwarefactory.actions;

import dev.softwarefactory.runtime.Message;
import dev.softwarefactory.runtime.action.ActionInput;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The latest content of each project file, folded from the CodeChange, TestCode and TestChangeRequest
 * messages observed.
 */
public final class CodeBase {
    private CodeBase() {
    }

    public static Map<String, String> current(ActionInput input, Design design) {
        Map<String, String> latest = new HashMap<>();
        for (Message message : input.memory()) {
            if (message.type().equals(MessageTypes.CODE_CHANGE) || message.type().equals(MessageTypes.TEST_CODE)) {
                latest.putAll(FileSet.parse(message.content(), design.allFiles()).files());
            } else if (message.type().equals(MessageTypes.TEST_CHANGE_REQUEST)) {
                latest.putAll(TestChangeRequest.parse(message.content(), design).files().files());
            }
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        design.allFiles().stream().filter(latest::containsKey).forEach(f -> ordered.put(f, latest.get(f)));
        return ordered;
    }

    /** The design that the role observed last, parsed. */
    public static Design design(ActionInput input) {
        return Design.parse(input.latest(MessageTypes.SYSTEM_DESIGN).orElseThrow().content());
    }
}
