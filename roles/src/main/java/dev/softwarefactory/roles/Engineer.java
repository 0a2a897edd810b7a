package dev.softwarefactory.roles;

import dev.softwarefactory.actions.FixBug;
import dev.softwarefactory.actions.MessageTypes;
import dev.softwarefactory.actions.Review;
import dev.softwarefactory.actions.ReviewCode;
import dev.softwarefactory.actions.WriteCode;
import java.util.List;
import java.util.Set;

/**
 * Writes the code of the tasks, reviews what it wrote, and fixes what reviews and bug reports find, in
 * source files only; it watches test change requests for the source files sent with them.
 */
public final class Engineer extends ReactingRole {
    public static final String NAME = "Engineer";

    public Engineer() {
        this(new FixBug());
    }

    private Engineer(FixBug fixBug) {
        super(Set.of(MessageTypes.SYSTEM_DESIGN), Set.of(MessageTypes.TEST_CODE, MessageTypes.TEST_CHANGE_REQUEST),
                List.of(
                        Reaction.on(MessageTypes.TASK_LIST, new WriteCode()),
                        Reaction.onContent(MessageTypes.CODE_CHANGE, WriteCode.WRITTEN, new ReviewCode()),
                        Reaction.onContent(MessageTypes.CODE_REVIEW, Review.CHANGES_REQUESTED, fixBug),
                        Reaction.on(MessageTypes.BUG_REPORT, fixBug)));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String profile() {
        return "Write elegant, readable, extensible, efficient code";
    }
}
