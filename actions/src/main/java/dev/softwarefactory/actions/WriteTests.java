package dev.softwarefactory.actions;

import dev.softwarefactory.runtime.action.Action;
import dev.softwarefactory.runtime.action.ActionContext;
import dev.softwarefactory.runtime.action.ActionInput;
import dev.softwarefactory.runtime.action.Draft;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Writes the design's test files against the PRD's acceptance criteria and the code, at once; on a
 * {@link RunTests#WEAK} report it rewrites them to kill the mutants the report names.
 */
public final class WriteTests implements Action {
    public static final String NAME = "WriteTests";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Draft> run(ActionInput input, ActionContext context) {
        String designText = input.latest(MessageTypes.SYSTEM_DESIGN).orElseThrow().content();
        Design design = Design.parse(designText);
        String prd = input.latest(MessageTypes.PRD).orElseThrow().content();
        Map<String, String> current = CodeBase.current(input, design);
        Map<String, String> sources = new LinkedHashMap<>(current);
        sources.keySet().removeAll(design.testFiles());
        String code = new FileSet(sources).render();
        String trigger = input.triggers().get(0).content();
        boolean strengthen = trigger.startsWith(RunTests.WEAK);
        List<Callable<String>> work = design.testFiles().stream().<Callable<String>>map(file -> () -> {
            String prompt = strengthen
                    ? Prompts.render("strengthen-tests", Map.of("file", file, "report", trigger,
                            "tests", current.getOrDefault(file, "(none)"), "prd", prd, "design", designText, "code", code))
                    : Prompts.render("write-tests", Map.of("file", file, "prd", prd, "design", designText,
                            "code", code));
            String test = ValidatedAnswer.ask(context, "test:" + file, NAME, file, prompt,
                    answer -> CodeFile.parse(answer, file));
            context.writeFile(file, test);
            return test;
        }).toList();
        List<String> tests = context.parallel(work);
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < tests.size(); i++) {
            files.put(design.testFiles().get(i), tests.get(i));
        }
        return List.of(Draft.of(MessageTypes.TEST_CODE, new FileSet(files).render()));
    }
}
