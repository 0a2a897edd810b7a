package dev.softwarefactory.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Model answers as model families write them (resources/answers/NAME.md), each with what its
 * parser must make of it (NAME.expected.json): accepted with this content, or rejected for this reason.
 */
class AnswerCorpusTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Case(String name, String answer, JsonNode expected) {
        @Override
        public String toString() {
            return name + " (" + expected.path("model").asText() + ")";
        }
    }

    static Stream<Case> corpus() throws IOException, URISyntaxException {
        Path dir = Path.of(AnswerCorpusTest.class.getResource("/answers").toURI());
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path expected : files.filter(p -> p.toString().endsWith(".expected.json")).sorted().toList()) {
                String name = expected.getFileName().toString().replace(".expected.json", "");
                cases.add(new Case(name, Files.readString(dir.resolve(name + ".md"), StandardCharsets.UTF_8),
                        JSON.readTree(expected.toFile())));
            }
        }
        return cases.stream();
    }

    @Test
    void theCorpusCoversEveryParserAndManyCases() throws Exception {
        List<Case> cases = corpus().toList();
        assertTrue(cases.size() >= 30, cases.size() + " cases");
        assertEquals(Parser.NAMES, cases.stream().map(c -> c.expected().path("parser").asText())
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)));
        assertTrue(cases.stream().anyMatch(c -> c.answer().contains("\r\n")), "a CRLF case");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachAnswerParsesAsExpected(Case c) {
        Object result;
        try {
            result = Parser.of(c.expected()).apply(c.answer());
        } catch (AnswerRejected e) {
            assertFalse(c.expected().path("accepted").asBoolean(), "rejected: " + e.getMessage());
            String reason = c.expected().path("reason").asText();
            assertTrue(e.getMessage().contains(reason), "'" + e.getMessage() + "' should contain '" + reason + "'");
            return;
        }
        assertTrue(c.expected().path("accepted").asBoolean(), "accepted as " + result);
        check(c.expected(), result);
    }

    /** Windows line endings change nothing: the same content, or the same rejection. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void windowsLineEndingsReadTheSame(Case c) {
        Function<String, Object> parser = Parser.of(c.expected());
        String lf = c.answer().replace("\r\n", "\n");
        assertEquals(outcome(parser, lf), outcome(parser, lf.replace("\n", "\r\n")));
    }

    /** Every parser over every answer: a result or a reason, never a crash. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyParserReadsEveryAnswerWithoutCrashing(Case c) {
        for (String parser : Parser.NAMES) {
            try {
                Parser.of(JSON.createObjectNode().put("parser", parser)).apply(c.answer());
            } catch (AnswerRejected expected) {
                assertFalse(expected.getMessage().isBlank());
            } catch (RuntimeException e) {
                fail(parser + " crashed on " + c.name() + ": " + e, e);
            }
        }
    }

    /** A file accepted from an answer travels in a message (FileSet) and reads back whole. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void anAcceptedFileReadsBackWholeFromItsMessage(Case c) {
        if (!c.expected().path("parser").asText().equals("code") || !c.expected().path("accepted").asBoolean()) {
            return;
        }
        String path = c.expected().path("path").asText();
        FileSet sent = new FileSet(Map.of(path, CodeFile.parse(c.answer(), path)));

        assertEquals(sent, FileSet.parse(sent.render(), List.of(path)));
    }

    private static String outcome(Function<String, Object> parser, String answer) {
        try {
            return "accepted " + parser.apply(answer);
        } catch (AnswerRejected e) {
            return "rejected " + e.getMessage();
        }
    }

    private static void check(JsonNode expected, Object result) {
        if (expected.has("equals")) {
            assertEquals(expected.get("equals").asText(), result);
        }
        expected.path("contains").forEach(s -> assertTrue(result.toString().contains(s.asText()),
                "should contain " + s + ":\n" + result));
        expected.path("excludes").forEach(s -> assertFalse(result.toString().contains(s.asText()),
                "should not contain " + s + ":\n" + result));
        if (result instanceof FixAnswer fix) {
            checkFiles(expected, fix.files());
            assertEquals(expected.path("request").asText(null), fix.testChangeRequest().orElse(null));
        }
        if (result instanceof TestDecision decision) {
            checkFiles(expected, decision.revised());
            assertEquals(expected.path("rejection").asText(null), decision.rejection().orElse(null));
        }
        if (result instanceof FileSet files) {
            checkFiles(expected, files);
        }
        if (expected.has("designFiles")) {
            assertEquals(JSON.convertValue(expected.get("designFiles"), List.class), ((Design) result).files());
        }
        if (expected.has("taskFiles")) {
            assertEquals(JSON.convertValue(expected.get("taskFiles"), List.class),
                    ((TaskList) result).tasks().stream().map(TaskList.Task::file).toList());
        }
        if (expected.has("approved")) {
            assertEquals(expected.get("approved").asBoolean(), ((Review) result).approved());
        }
    }

    private static void checkFiles(JsonNode expected, FileSet files) {
        expected.path("files").fields().forEachRemaining(f -> assertEquals(f.getValue().asText(),
                files.files().get(f.getKey()), f.getKey()));
        if (expected.has("paths")) {
            assertEquals(JSON.convertValue(expected.get("paths"), List.class), List.copyOf(files.files().keySet()));
        }
    }

    /** The parsers of the actions, by the name a case gives. */
    private static final class Parser {
        static final java.util.SortedSet<String> NAMES = new java.util.TreeSet<>(
                List.of("code", "files", "prd", "readme", "design", "tasks", "review", "fix", "decision"));

        static Function<String, Object> of(JsonNode expected) {
            String path = expected.path("path").asText("calc.py");
            List<String> allowed = expected.has("allowed") ? JSON.convertValue(expected.get("allowed"), List.class)
                    : List.of("calc.py", "test_calc.py");
            return switch (expected.path("parser").asText()) {
                case "code" -> answer -> CodeFile.parse(answer, path);
                case "files" -> answer -> FileSet.parse(answer, allowed);
                case "prd" -> Prd::parse;
                case "readme" -> Readme::parse;
                case "design" -> Design::parse;
                case "tasks" -> answer -> TaskList.parse(answer, Answers.design());
                case "review" -> answer -> Review.parse(answer, Answers.design());
                case "fix" -> answer -> FixAnswer.parse(answer, Answers.design(), expected.has("current")
                        ? JSON.convertValue(expected.get("current"), Map.class) : Map.of());
                case "decision" -> answer -> TestDecision.parse(answer, Answers.design());
                default -> throw new IllegalArgumentException("no parser " + expected.path("parser"));
            };
        }
    }
}
