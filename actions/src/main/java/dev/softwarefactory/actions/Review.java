package dev.softwarefactory.actions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** ReviewCode's ```json block: approved, or comments on named files that FixBug acts on. */
public record Review(boolean approved, List<Comment> comments) {
    public static final String APPROVED = "APPROVED";
    public static final String CHANGES_REQUESTED = "CHANGES REQUESTED";

    public record Comment(String file, String comment) {
    }

    public static Review parse(String answer, Design design) {
        JsonNode node = ModelAnswers.lastJsonObject(answer);
        JsonNode approved = node.get("approved");
        if (approved == null || !approved.isBoolean()) {
            throw new AnswerRejected("\"approved\" must be true or false");
        }
        JsonNode given = node.get("comments");
        if (given == null || !given.isArray()) {
            throw new AnswerRejected("\"comments\" must be a list of {\"file\", \"comment\"} (empty when approved)");
        }
        List<Comment> comments = new ArrayList<>();
        for (JsonNode item : given) {
            if (!item.isObject()) {
                throw new AnswerRejected("\"comments\" must hold objects");
            }
            Comment comment = new Comment(ModelAnswers.text(item, "file"), ModelAnswers.text(item, "comment"));
            if (!design.allFiles().contains(comment.file())) {
                throw new AnswerRejected("a comment on " + comment.file() + ", which is not a file of the design");
            }
            comments.add(comment);
        }
        if (!approved.asBoolean() && comments.isEmpty()) {
            throw new AnswerRejected("a review that does not approve must say what to change in \"comments\"");
        }
        return new Review(approved.asBoolean(), comments);
    }

    /** The CodeReview message: the verdict on the first line, then one line per comment. */
    public String render() {
        StringBuilder text = new StringBuilder(approved ? APPROVED : CHANGES_REQUESTED).append('\n');
        comments.forEach(c -> text.append("- ").append(c.file()).append(": ").append(c.comment()).append('\n'));
        return text.toString();
    }
}
