package dev.softwarefactory.actions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A FixBug answer: whole source files, and optionally a request that QA change a test. Tests are
 * QA's, so an answer that rewrites a test file is rejected (one given back unchanged is dropped), as
 * is a fix that changes nothing.
 */
public record FixAnswer(FileSet files, Optional<String> testChangeRequest) {
    /** "TEST CHANGE REQUEST: file, why" as a line, a bold label or a heading; the text runs to the next file. */
    private static final Pattern REQUEST = Pattern.compile(
            "(?im)^[ \\t>*_#-]*test change request[*_ \\t]*:?[*_ \\t]*(.*)$");
    private static final Pattern FILE_LINE = Pattern.compile("(?m)^#{1,4} File:");

    public static FixAnswer parse(String answer, Design design, Map<String, String> current) {
        Optional<String> request = request(ModelAnswers.complete(answer), design);
        boolean hasFiles = FILE_LINE.matcher(answer).find();
        FileSet given = request.isPresent() && !hasFiles ? new FileSet(Map.of())
                : FileSet.parse(answer, design.allFiles());
        List<String> tests = given.files().entrySet().stream().filter(f -> design.testFiles().contains(f.getKey()))
                .filter(f -> !same(f.getValue(), current.get(f.getKey()))).map(Map.Entry::getKey).toList();
        if (!tests.isEmpty()) {
            throw new AnswerRejected(String.join(", ", tests) + (tests.size() == 1 ? " is a test file" : " are test"
                    + " files") + ", and the tests are QA's: change source files only (" + String.join(", ",
                    design.files()) + "). If a test itself is wrong, do not rewrite it: add a line \"TEST CHANGE"
                    + " REQUEST: <test file>, <why>\" and QA decides.");
        }
        // Models often repeat every file of the project; a test file given back unchanged is not a change.
        Map<String, String> sources = new LinkedHashMap<>(given.files());
        sources.keySet().removeAll(design.testFiles());
        if (request.isEmpty() && sources.entrySet().stream().allMatch(f -> same(f.getValue(), current.get(f.getKey())))) {
            throw new AnswerRejected("the fix changes nothing: " + String.join(", ", given.files().keySet())
                    + (given.files().size() == 1 ? " is" : " are") + " the same as the current code. Change what"
                    + " makes the failure happen.");
        }
        return new FixAnswer(new FileSet(sources), request);
    }

    private static Optional<String> request(String answer, Design design) {
        Matcher m = REQUEST.matcher(answer);
        if (!m.find()) {
            return Optional.empty();
        }
        String rest = answer.substring(m.start(1));
        Matcher file = FILE_LINE.matcher(rest);
        String text = (file.find() ? rest.substring(0, file.start()) : rest).strip();
        if (design.testFiles().stream().noneMatch(text::contains)) {
            throw new AnswerRejected("the TEST CHANGE REQUEST must name the test file it is about (one of "
                    + design.testFiles() + ") and say why the test is wrong");
        }
        return Optional.of(text);
    }

    private static boolean same(String fixed, String current) {
        return current != null && fixed.strip().equals(current.strip());
    }
}
