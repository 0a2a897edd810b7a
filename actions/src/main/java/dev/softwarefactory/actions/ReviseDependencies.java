package dev.softwarefactory.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.softwarefactory.runtime.action.Action;
import dev.softwarefactory.runtime.action.ActionContext;
import dev.softwarefactory.runtime.action.ActionInput;
import dev.softwarefactory.runtime.action.Draft;
import java.util.List;
import java.util.Map;

/**
 * The Architect's answer to a dependency problem: a revised dependency list, published as the design
 * with a new JSON block at its end (QA then installs and tests again). When the Architect keeps the
 * list, the code is what must change, and the Engineer gets the problem as a bug report with the reason.
 */
public final class ReviseDependencies implements Action {
    public static final String NAME = "ReviseDependencies";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Draft> run(ActionInput input, ActionContext context) {
        String designText = input.latest(MessageTypes.SYSTEM_DESIGN).orElseThrow().content();
        Design design = Design.parse(designText);
        String problem = input.triggers().get(0).content();
        String prompt = Prompts.render("revise-dependencies", Map.of("design", designText, "problem", problem));
        Revision revision = ValidatedAnswer.ask(context, "dependencies", NAME, null, prompt, Revision::parse);
        if (revision.dependencies().equals(design.dependencies())) {
            return List.of(Draft.of(MessageTypes.BUG_REPORT, "The Architect keeps the design's dependency list: "
                    + revision.reason() + "\nChange the code so that it needs no other package.\n\n" + problem));
        }
        String revised = revisedDesign(designText, revision);
        context.writeFile("docs/design.md", revised);
        return List.of(Draft.of(MessageTypes.SYSTEM_DESIGN, revised));
    }

    /** The design with the revision's reason and a JSON block holding the new list appended. */
    static String revisedDesign(String designText, Revision revision) {
        ObjectNode block = ((ObjectNode) ModelAnswers.lastJsonObject(designText)).deepCopy();
        ArrayNode list = block.putArray("dependencies");
        revision.dependencies().forEach(d -> list.addObject().put("name", d.name()).put("version", d.version()));
        String original = Design.revised(designText) ? designText.substring(designText.indexOf('\n') + 1) : designText;
        String text = Design.REVISED + "\n" + original.stripTrailing() + "\n\n## Revised dependencies\n\n"
                + revision.reason() + "\n\n```json\n" + block.toPrettyString() + "\n```\n";
        Design.parse(text);
        return text;
    }

    /** A ReviseDependencies answer: the whole new list, pinned, and why. */
    record Revision(List<Dependency> dependencies, String reason) {
        static Revision parse(String answer) {
            JsonNode node = ModelAnswers.lastJsonObject(answer);
            List<Dependency> dependencies = Design.dependencies(node);
            JsonNode reason = node.get("reason");
            return new Revision(dependencies, reason != null && reason.isTextual() && !reason.asText().isBlank()
                    ? reason.asText().strip() : "no reason given");
        }
    }
}
