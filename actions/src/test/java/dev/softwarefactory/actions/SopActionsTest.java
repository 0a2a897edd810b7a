package dev.softwarefactory.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softwarefactory.runtime.Message;
import dev.softwarefactory.runtime.action.ActionInput;
import dev.softwarefactory.runtime.action.Draft;
import dev.softwarefactory.runtime.action.Network;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The actions between the design and the tests, on a fake context. */
class SopActionsTest {
    private static final String DESIGN = Answers.withJson(Answers.DESIGN_JSON);
    private static final String WITH_REQUESTS = Answers.withJson(Answers.DESIGN_JSON.replace("\"dependencies\": []",
            "\"dependencies\": [{\"name\": \"requests\", \"version\": \"9.9.9\"}]"));
    private static final String TASKS = Answers.withJson("{\"tasks\": ["
            + "{\"file\": \"wordfreq.py\", \"depends_on\": [\"textstats.py\"], \"summary\": \"the cli\"},"
            + "{\"file\": \"textstats.py\", \"depends_on\": [], \"summary\": \"counting\"}]}");

    private static Message message(String type, String content) {
        return new Message(type + "-id", "run", type, "someone", List.of(), null, content);
    }

    private static ActionInput input(Message... memory) {
        return new ActionInput(List.of(memory[memory.length - 1]), List.of(memory));
    }

    @Test
    void writeCodeWritesDependenciesFirstAndShowsThemToTheirDependents() throws Exception {
        FakeContext context = new FakeContext()
                .answer(WriteCode.NAME, "```python\ndef words(text):\n    return text.split()\n```\n",
                        "```python\nfrom textstats import words\n```\n");

        List<Draft> drafts = new WriteCode().run(input(message(MessageTypes.SYSTEM_DESIGN, DESIGN),
                message(MessageTypes.TASK_LIST, TASKS)), context);

        assertEquals(List.of("code:textstats.py", "code:wordfreq.py"), context.llmKeys);
        assertTrue(context.prompts.get(1).contains("## File: textstats.py\n```\ndef words(text):"),
                context.prompts.get(1));
        assertTrue(context.prompts.get(1).contains("def main(argv: list[str]) -> int"), "the file's interface");
        assertEquals(List.of("textstats.py", "wordfreq.py"), new ArrayList<>(context.files.keySet()));
        assertTrue(drafts.get(0).content().startsWith(WriteCode.WRITTEN));
    }

    @Test
    void writeTasksRejectsATaskListThatMissesADesignFile() {
        FakeContext context = new FakeContext().answer(WriteTasks.NAME,
                Answers.withJson("{\"tasks\": [{\"file\": \"textstats.py\", \"depends_on\": [], \"summary\": \"s\"}]}"));

        Exception e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> new WriteTasks().run(input(message(MessageTypes.SYSTEM_DESIGN, DESIGN)), context));

        assertTrue(e.getMessage().contains("no task for wordfreq.py"), e.getMessage());
    }

    @Test
    void aRedTestRunBecomesAFailedReportAndABugReportWithTheOutput() throws Exception {
        FakeContext context = new FakeContext().exits("tests", 1, "FAILED test_words - AssertionError");

        List<Draft> drafts = new RunTests(Duration.ofSeconds(5)).run(input(message(MessageTypes.SYSTEM_DESIGN,
                DESIGN)), context);

        assertEquals(List.of(MessageTypes.TEST_REPORT, MessageTypes.BUG_REPORT), drafts.stream().map(Draft::type).toList());
        assertTrue(drafts.get(1).content().startsWith("FAILED: the tests (exit 1"), drafts.get(1).content());
        assertTrue(drafts.get(1).content().contains("AssertionError"));
    }

    @Test
    void aFailedConsistencyCheckIsABugReportAndNoTestsRun() throws Exception {
        FakeContext context = new FakeContext().exits("check", 1, "does not import: wordfreq");

        List<Draft> drafts = new RunTests(Duration.ofSeconds(5)).run(input(message(MessageTypes.SYSTEM_DESIGN,
                DESIGN)), context);

        assertEquals(2, context.commands.size(), "the environment, then the check");
        assertTrue(drafts.get(1).content().startsWith("FAILED: the consistency check"), drafts.get(1).content());
    }

    @Test
    void aFailedInterfaceCheckIsABugReportAndNoTestsRun() throws Exception {
        FakeContext context = new FakeContext().exits("interfaces", 1,
                "interface mismatch: wordfreq.py: main is missing; the design promises: def main(argv: list[str]) -> int");

        List<Draft> drafts = new RunTests(Duration.ofSeconds(5)).run(input(message(MessageTypes.SYSTEM_DESIGN,
                DESIGN)), context);

        assertEquals(3, context.commands.size(), "the environment, the consistency check, the interface check");
        assertTrue(drafts.get(1).content().startsWith("FAILED: the interface check"), drafts.get(1).content());
        assertTrue(drafts.get(1).content().contains("wordfreq.py: main is missing"), drafts.get(1).content());
    }

    @Test
    void aGreenRunIsAPassedReport() throws Exception {
        List<Draft> drafts = new RunTests(Duration.ofSeconds(5)).run(input(message(MessageTypes.SYSTEM_DESIGN,
                DESIGN)), new FakeContext());

        assertEquals(2, drafts.size());
        assertTrue(drafts.get(1).content().startsWith(RunTests.PASSED));
    }

    @Test
    void aGreenRunSendsTheEnvironmentTheTestsRanInBeforeItsReport() throws Exception {
        FakeContext context = new FakeContext().exits("describe-environment", 0, "{\"language\": \"python\","
                + " \"version\": \"3.11.7\", \"packages\": {\"certifi\": \"2024.2.2\"}}\n");

        List<Draft> drafts = new RunTests(Duration.ofSeconds(5)).run(input(message(MessageTypes.SYSTEM_DESIGN,
                DESIGN)), context);

        assertEquals(MessageTypes.ENVIRONMENT, drafts.get(0).type());
        assertEquals("{\"language\":\"python\",\"version\":\"3.11.7\",\"packages\":{\"certifi\":\"2024.2.2\"}}",
                drafts.get(0).content());
        assertEquals(MessageTypes.TEST_REPORT, drafts.get(1).type());
    }

    @Test
    void anEnvironmentThatCannotBeReadIsSentWithWhy() throws Exception {
        FakeContext context = new FakeContext().exits("describe-environment", 127, "sh: .sf/venv/bin/python: not found");

        List<Draft> drafts = new RunTests(Duration.ofSeconds(5)).run(input(message(MessageTypes.SYSTEM_DESIGN,
                DESIGN)), context);

        assertEquals("{\"unreadable\":\"exit 127: sh: .sf/venv/bin/python: not found\"}", drafts.get(0).content());
        assertTrue(TestedEnvironment.parse(drafts.get(0).content()).installed().isEmpty());
    }

    @Test
    void onlyTheDependencyInstallMayUseTheNetwork() throws Exception {
        String design = Answers.withJson(Answers.DESIGN_JSON.replace("\"dependencies\": []",
                "\"dependencies\": [{\"name\": \"requests\", \"version\": \"2.31.0\"}]"));
        FakeContext context = new FakeContext();

        new RunTests(Duration.ofSeconds(5)).run(input(message(MessageTypes.SYSTEM_DESIGN, design)), context);

        assertEquals(List.of(Network.NONE, Network.ALLOWED, Network.NONE, Network.NONE, Network.NONE, Network.NONE,
                Network.NONE), context.networks);
        assertTrue(context.commands.get(1).contains("requests==2.31.0"), context.commands.get(1).toString());
    }

    @Test
    void theEnvironmentIsMadeBeforeTheConsistencyCheckRunsInIt() throws Exception {
        FakeContext context = new FakeContext();

        new RunTests(Duration.ofSeconds(5)).run(input(message(MessageTypes.SYSTEM_DESIGN, DESIGN)), context);

        assertTrue(context.commands.get(0).get(2).contains("python3 -m venv"), context.commands.get(0).toString());
        assertTrue(context.commands.get(1).contains("../venv/bin/python"), context.commands.get(1).toString());
    }

    @Test
    void aPinThatDoesNotResolveIsADependencyProblemForTheArchitectAndNoTestsRun() throws Exception {
        FakeContext context = new FakeContext().exits("install", 1, "ERROR: Could not find a version that satisfies"
                + " the requirement requests==9.9.9 (from versions: 2.31.0)\nERROR: No matching distribution found"
                + " for requests==9.9.9\n");

        List<Draft> drafts = new RunTests(Duration.ofSeconds(5)).run(input(message(MessageTypes.SYSTEM_DESIGN,
                WITH_REQUESTS)), context);

        assertEquals(List.of(MessageTypes.TEST_REPORT, MessageTypes.DEPENDENCY_PROBLEM),
                drafts.stream().map(Draft::type).toList());
        assertTrue(drafts.get(1).content().contains("No matching distribution found for requests==9.9.9"),
                drafts.get(1).content());
        assertEquals(2, context.commands.size(), "neither the check nor the tests ran");
    }

    @Test
    void anInstallThatCannotReachItsIndexEndsTheRunWithThatReason() {
        FakeContext context = new FakeContext().exits("install", 1, "WARNING: Retrying (Retry(total=0)) after"
                + " connection broken by 'NewConnectionError(': Failed to establish a new connection: [Errno 111]"
                + " Connection refused')': /simple/requests/\nERROR: No matching distribution found for"
                + " requests==2.31.0\n");

        Exception e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> new RunTests(Duration.ofSeconds(5)).run(input(message(MessageTypes.SYSTEM_DESIGN,
                        WITH_REQUESTS)), context));

        assertTrue(e.getMessage().startsWith("the dependency install cannot reach its package source: WARNING:"
                + " Retrying"), e.getMessage());
    }

    @Test
    void anImportNoPinProvidesIsAnUndeclaredDependencyForTheArchitect() throws Exception {
        FakeContext context = new FakeContext().exits("check", 3, "undeclared dependency: wordfreq.py: module"
                + " 'requests' is imported at line 3, and no pinned dependency provides it\nconsistency check: 1"
                + " undeclared dependency\n");

        List<Draft> drafts = new RunTests(Duration.ofSeconds(5)).run(input(message(MessageTypes.SYSTEM_DESIGN,
                DESIGN)), context);

        assertEquals(MessageTypes.DEPENDENCY_PROBLEM, drafts.get(1).type());
        assertTrue(drafts.get(1).content().contains("wordfreq.py: module 'requests' is imported at line 3"),
                drafts.get(1).content());
    }

    @Test
    void aJavaInstallFailureGoesToTheEngineerWhoseBuildFileDeclaresTheDependencies() throws Exception {
        String java = Answers.withJson(Answers.DESIGN_JSON.replace("\"python\"", "\"java\"").replace(
                "\"files\": [\"textstats.py\", \"wordfreq.py\"]", "\"files\": [\"pom.xml\", \"textstats.py\","
                        + " \"wordfreq.py\"]"));
        FakeContext context = new FakeContext().exits("install", 1, "[ERROR] Failed to execute goal on project calc:"
                + " Could not resolve dependencies: Could not find artifact org.nope:nope:jar:1.0 in sf-mirror\n");

        List<Draft> drafts = new RunTests(Duration.ofSeconds(5)).run(input(message(MessageTypes.SYSTEM_DESIGN,
                java)), context);

        assertEquals(MessageTypes.BUG_REPORT, drafts.get(1).type());
        assertTrue(drafts.get(1).content().startsWith("FAILED: dependency problem: the install of the dependencies"
                + " pom.xml declares failed"), drafts.get(1).content());
    }

    @Test
    void theArchitectRevisesTheDependencyListAtTheEndOfTheDesign() throws Exception {
        FakeContext context = new FakeContext().answer(ReviseDependencies.NAME, "requests 9.9.9 was never released."
                + "\n\n```json\n{\"dependencies\": [{\"name\": \"requests\", \"version\": \"2.31.0\"}],"
                + " \"reason\": \"9.9.9 does not exist\"}\n```\n");

        List<Draft> drafts = new ReviseDependencies().run(input(message(MessageTypes.SYSTEM_DESIGN, DESIGN),
                message(MessageTypes.DEPENDENCY_PROBLEM, "FAILED: dependency problem: requests==9.9.9")), context);

        assertEquals(MessageTypes.SYSTEM_DESIGN, drafts.get(0).type());
        assertTrue(Design.revised(drafts.get(0).content()));
        assertEquals(List.of(new Dependency("requests", "2.31.0")), Design.parse(drafts.get(0).content())
                .dependencies());
        assertTrue(context.prompts.get(0).contains("requests==9.9.9"), "the problem is in the prompt");
        assertEquals(drafts.get(0).content(), context.files.get("docs/design.md"));
    }

    @Test
    void anArchitectWhoKeepsTheListSendsTheProblemToTheEngineer() throws Exception {
        FakeContext context = new FakeContext().answer(ReviseDependencies.NAME, "```json\n{\"dependencies\": [],"
                + " \"reason\": \"the standard library's urllib does this\"}\n```\n");

        List<Draft> drafts = new ReviseDependencies().run(input(message(MessageTypes.SYSTEM_DESIGN, DESIGN),
                message(MessageTypes.DEPENDENCY_PROBLEM, "undeclared dependency: wordfreq.py: module 'requests'")),
                context);

        assertEquals(MessageTypes.BUG_REPORT, drafts.get(0).type());
        assertTrue(drafts.get(0).content().contains("the standard library's urllib does this"));
        assertTrue(drafts.get(0).content().contains("module 'requests'"));
        assertTrue(context.files.isEmpty(), "the design stays as it was");
    }

    @Test
    void fixBugWritesTheFilesOfItsAnswerAndPublishesThem() throws Exception {
        FakeContext context = new FakeContext().answer(FixBug.NAME, "## File: textstats.py\n```python\nX = 2\n```\n");

        List<Draft> drafts = new FixBug().run(input(message(MessageTypes.SYSTEM_DESIGN, DESIGN),
                message(MessageTypes.BUG_REPORT, "FAILED: the tests")), context);

        assertEquals("X = 2\n", context.files.get("textstats.py"));
        assertTrue(context.prompts.get(0).contains("FAILED: the tests"), "the bug report is in the prompt");
        assertTrue(drafts.get(0).content().startsWith(FixBug.FIXED + "\n\n## File: textstats.py"));
    }

    @Test
    void writeReadmeAlsoWritesThePinnedRequirements() throws Exception {
        String design = Answers.withJson(Answers.DESIGN_JSON.replace("\"dependencies\": []",
                "\"dependencies\": [{\"name\": \"requests\", \"version\": \"2.31.0\"}]"));
        FakeContext context = new FakeContext().answer(WriteReadme.NAME, "# w\n## Install\npip\n## Run\nw\n");

        new WriteReadme().run(input(message(MessageTypes.PRD, "prd"), message(MessageTypes.SYSTEM_DESIGN, design)),
                context);

        assertTrue(context.files.get("requirements.txt").contains("requests==2.31.0\n"));
        assertTrue(context.files.containsKey("README.md"));
    }

    @Test
    void requirementsListWhatTheTestedVenvHeldEachAtItsInstalledVersion() throws Exception {
        String design = Answers.withJson(Answers.DESIGN_JSON.replace("\"dependencies\": []",
                "\"dependencies\": [{\"name\": \"requests\", \"version\": \"2.31.0\"}]"));
        FakeContext context = new FakeContext().answer(WriteReadme.NAME, "# w\n## Install\npip\n## Run\nw\n");

        List<Draft> drafts = new WriteReadme().run(input(message(MessageTypes.PRD, "prd"),
                message(MessageTypes.SYSTEM_DESIGN, design), message(MessageTypes.ENVIRONMENT, "{\"language\":"
                        + " \"python\", \"version\": \"3.11.7\", \"packages\": {\"certifi\": \"2024.2.2\","
                        + " \"requests\": \"2.31.0\"}}")), context);

        assertTrue(context.files.get("requirements.txt").endsWith("\ncertifi==2024.2.2\nrequests==2.31.0\n"),
                context.files.get("requirements.txt"));
        assertEquals(List.of(MessageTypes.DELIVERY), drafts.stream().map(Draft::type).toList());
        assertTrue(context.prompts.get(0).contains("certifi"), "the README is written from the tested environment");
    }

    @Test
    void theReadmeRunsNoCommandSoItsNodeNeedsNoEnvironment() throws Exception {
        FakeContext context = new FakeContext().answer(WriteReadme.NAME, "# w\n## Install\npip\n## Run\nw\n");

        new WriteReadme().run(input(message(MessageTypes.PRD, "prd"), message(MessageTypes.SYSTEM_DESIGN, DESIGN),
                message(MessageTypes.ENVIRONMENT, "{\"unreadable\": \"exit 127\"}")), context);

        assertEquals(List.of(), context.commands);
        assertTrue(context.prompts.get(0).contains("(not readable)"), context.prompts.get(0));
    }
}
