package dev.softwarefactory.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softwarefactory.runtime.Message;
import dev.softwarefactory.runtime.action.ActionInput;
import dev.softwarefactory.runtime.action.Draft;
import dev.softwarefactory.runtime.action.Network;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PIT's report read into the mutation check's terms, the pom that adds PIT, and what RunTests does with them. */
class PitMutationTest {
    private static final String CALC = "src/main/java/calc/Calc.java";
    private static final String DESIGN = Answers.withJson("{\"language\": \"java\", \"language_version\": \"17\","
            + " \"files\": [\"pom.xml\", \"" + CALC + "\"], \"test_files\": [\"src/test/java/calc/CalcTest.java\"],"
            + " \"interfaces\": {\"" + CALC + "\": [\"public static int add(int a, int b)\","
            + " \"public static int max(int a, int b)\", \"public static String greet(String name)\"]},"
            + " \"dependencies\": [{\"name\": \"org.junit.jupiter:junit-jupiter\", \"version\": \"5.10.2\"}],"
            + " \"build_command\": [\"mvn\", \"-q\", \"package\"], \"test_command\": [\"mvn\", \"-q\", \"test\"]}");
    private static final String SOURCE = "package calc;\n\npublic final class Calc {\n    private Calc() {\n    }\n\n"
            + "    public static int add(int a, int b) {\n        return a + b;\n    }\n\n"
            + "    public static int max(int a, int b) {\n        if (a > b) {\n            return a;\n        }\n"
            + "        return b;\n    }\n\n    public static String greet(String name) {\n"
            + "        StringBuilder s = new StringBuilder(\"Hello, \");\n        s.append(name);\n"
            + "        return s.toString();\n    }\n}\n";
    private static final String POM = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n  <modelVersion>4.0.0</modelVersion>\n"
            + "  <groupId>example</groupId>\n  <artifactId>calc</artifactId>\n  <version>1.0.0</version>\n"
            + "  <dependencies>\n    <dependency>\n      <groupId>org.junit.jupiter</groupId>\n"
            + "      <artifactId>junit-jupiter</artifactId>\n      <version>5.10.2</version>\n"
            + "      <scope>test</scope>\n    </dependency>\n  </dependencies>\n</project>\n";
    private static final Map<String, String> FILES = Map.of("calc.Calc", CALC);
    private static final Map<String, String> SOURCES = Map.of(CALC, SOURCE);

    private static String recorded(String name) {
        return TestResultsParsersTest.recorded(name);
    }

    @Test
    void detectedMutantsAreKilledAndSurvivingOrUnreachedOnesAreNamedWithTheirLine() {
        PitReport report = PitReport.parse(recorded("pit-mutations.xml")).orElseThrow();

        assertEquals(new MutationCheck.Score(2, 7), report.score());
        List<String> survivors = report.survivors(FILES, SOURCES);
        assertEquals(5, survivors.size());
        assertEquals(CALC + ":21 in Calc.greet(): replaced return value with \"\" for calc/Calc::greet"
                + " in `return s.toString();`", survivors.get(0));
        assertEquals(CALC + ":12 in Calc.max(): negated conditional in `if (a > b) {` (no test reaches this line)",
                survivors.get(2));
    }

    @Test
    void mutantsThatDidNotCompileDoNotCount() {
        String xml = "<mutations><mutation detected='false' status='NON_VIABLE' numberOfTestsRun='0'><mutatedClass>"
                + "calc.Calc</mutatedClass><mutatedMethod>add</mutatedMethod><lineNumber>8</lineNumber><mutator>m"
                + "</mutator><description>d</description></mutation><mutation detected='true' status='TIMED_OUT'"
                + " numberOfTestsRun='1'><mutatedClass>calc.Calc$Inner</mutatedClass><mutatedMethod>run"
                + "</mutatedMethod><lineNumber>9</lineNumber><mutator>m</mutator><description>removed call"
                + "</description></mutation></mutations>";

        PitReport report = PitReport.parse(xml).orElseThrow();

        assertEquals(new MutationCheck.Score(1, 1), report.score());
        assertEquals(List.of(), report.survivors(FILES, SOURCES));
    }

    @Test
    void aReportCutOffOrMissingIsNoReport() {
        String xml = recorded("pit-mutations.xml");

        assertEquals(Optional.empty(), PitReport.parse(xml.substring(0, xml.length() / 2)));
        assertEquals(Optional.empty(), PitMutation.report("[ERROR] No plugin found for prefix 'pitest'\n"));
    }

    @Test
    void theCompactedReportTheCommandPrintsReadsAsTheFullOne(@TempDir Path dir) {
        LocalCommand.write(dir, Map.of("target/pit-reports/mutations.xml", recorded("pit-mutations.xml")));

        LocalCommand printed = LocalCommand.run(dir, List.of("sh", "-c", ScriptResources.text("checks/java-mutation.sh"),
                "sh", POM, "true"));

        assertEquals(0, printed.exitCode(), printed.output());
        assertFalse(printed.output().contains("<killingTest>"), printed.output());
        PitReport full = PitReport.parse(recorded("pit-mutations.xml")).orElseThrow();
        assertEquals(full, PitMutation.report(printed.output()).orElseThrow());
        assertTrue(printed.output().length() < recorded("pit-mutations.xml").length() * 3 / 4);
    }

    @Test
    void theMutationPomAddsPitWithItsJunit5SupportInThePomsNamespace() {
        String pom = PitPom.withPit(POM).orElseThrow();

        assertTrue(pom.contains("<build><plugins><plugin><groupId>org.pitest</groupId><artifactId>pitest-maven"
                + "</artifactId><version>" + PitPom.VERSION + "</version><dependencies><dependency><groupId>org.pitest"
                + "</groupId><artifactId>pitest-junit5-plugin</artifactId>"), pom);
        assertFalse(pom.contains("xmlns=\"\""), pom);
    }

    @Test
    void theProjectsOwnPluginsStayBesidePit() {
        String withPlugins = POM.replace("</project>", "<build><plugins><plugin><artifactId>maven-surefire-plugin"
                + "</artifactId><version>3.2.5</version></plugin></plugins></build></project>");

        String pom = PitPom.withPit(withPlugins).orElseThrow();

        assertTrue(pom.contains("<version>3.2.5</version></plugin><plugin><groupId>org.pitest</groupId>"), pom);
        assertEquals(Optional.empty(), PitPom.withPit("<project><dependencies/></project>"), "TestNG or no tests");
        assertEquals(Optional.empty(), PitPom.withPit("<project><junit>"), "not XML");
    }

    @Test
    void weakJavaTestsGoBackToQaWithPitsSurvivorsNamed() {
        Message design = message(MessageTypes.SYSTEM_DESIGN, DESIGN);
        Message code = message(MessageTypes.CODE_CHANGE, "## File: pom.xml\n```xml\n" + POM + "```\n\n## File: " + CALC
                + "\n```java\n" + SOURCE + "```\n");
        FakeContext context = new FakeContext().exits("mutation", 0, "mutations.xml:\n" + recorded("pit-mutations.xml"));

        List<Draft> drafts = new RunTests(Duration.ofSeconds(5), PackageSources.installerDefaults(),
                new MutationCheck.Settings(true, 15, 0.5, 1, 2)).run(new ActionInput(List.of(code),
                        List.of(design, code)), context);

        String report = drafts.get(0).content();
        assertTrue(report.startsWith("WEAK: mutation score 2/7 (29%), below the minimum 50%"), report);
        assertFalse(report.contains("- " + CALC + ":8 in Calc.add()"), "killed mutants are not listed");
        assertTrue(report.contains("- " + CALC + ":15 in Calc.max(): replaced int return with 0 for calc/Calc::max"
                + " in `return b;` (no test reaches this line)\n"), report);
        int resolve = context.commands.indexOf(context.commands.stream()
                .filter(c -> c.contains(PitPom.GROUP + ":" + PitPom.PLUGIN + ":mutationCoverage")).findFirst()
                .orElseThrow());
        assertEquals(Network.ALLOWED, context.networks.get(resolve), "the plugin is resolved from the mirror");
        assertEquals(Network.NONE, context.networks.get(context.networks.size() - 1), "PIT runs offline");
        String pit = String.join(" ", context.commands.get(context.commands.size() - 1));
        assertTrue(pit.contains("-o ") && pit.contains("-DtargetClasses=calc.Calc -DtargetTests=calc.CalcTest"), pit);
        assertTrue(pit.contains("-Dfeatures=+CLASSLIMIT(limit[15])"), pit);
    }

    private static Message message(String type, String content) {
        return new Message(type + "-" + content.hashCode(), "run", type, "someone", List.of(), null, content);
    }
}
