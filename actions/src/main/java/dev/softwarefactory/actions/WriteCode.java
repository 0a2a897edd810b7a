package dev.softwarefactory.actions;

import dev.softwarefactory.llmgateway.ChatMessage;
import dev.softwarefactory.runtime.action.Action;
import dev.softwarefactory.runtime.action.ActionContext;
import dev.softwarefactory.runtime.action.ActionInput;
import dev.softwarefactory.runtime.action.Draft;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** Writes every file of the design, independent files at once, one model call each. */
public final class WriteCode implements Action {
    public static final String NAME = "WriteCode";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Draft> run(ActionInput input, ActionContext context) {
        String designText = input.latest(MessageTypes.SYSTEM_DESIGN).orElseThrow().content();
        Design design = Design.parse(designText);
        List<Callable<String>> files = design.files().stream().<Callable<String>>map(file -> () -> {
            String prompt = Prompts.render("write-code", Map.of("file", file, "design", designText));
            String answer = context.llm("code:" + file, NAME, file, List.of(ChatMessage.user(prompt))).text();
            context.writeFile(file, ModelAnswers.codeBody(ModelAnswers.nonBlank(answer, NAME)));
            return file;
        }).toList();
        List<String> written = context.parallel(files);
        return List.of(Draft.of(MessageTypes.CODE_CHANGE, String.join("\n", written)));
    }
}
