package dev.softwarefactory.actions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A FixBug answer: whole source files, and optionally a request that QA change a test, which runs
 * from its line to the first file after it (a block without a file label in it is a quote). Tests
 * are QA's, so an answer that rewrites a test file is rejected (one given back unchanged is
 * dropped), as is a fix that changes nothing. Files are labelled as {@link FileLabel} reads them.
 */
public record FixAnswer(FileSet files, Optional<String> testChangeRequest) {
    /** "TEST CHANGE REQUEST: file, why" as a line, a bold label or a heading. */
    private static final Pattern REQUEST = Pattern.compile(
            "(?i)[ \\t>*_#-]*test change request[*_ \\t]*[:：]?[*_ \\t]*(.*)");

    public static FixAnswer parse(String answer, Design design, Map<String, String> current) {
        String text = ModelAnswers.complete(answer);
        // Beside a request, a test file named only in passing is a quote for QA, not a rewrite.
        Predicate<FileLabel> counts = label -> label.strong() || !design.testFiles().contains(label.path());
        Optional<MarkedSection> request = MarkedSection.find(text, REQUEST, block -> FileLabel.of(block)
                .filter(counts).filter(label -> FileSet.isFile(label, design.allFiles())).isPresent());
        request.ifPresent(r -> checkNamesATest(r.text(), design));
        FileSet given = request.isPresent() ? FileSet.labelled(request.get().rest(), design.allFiles(), counts)
                : FileSet.labelled(text, design.allFiles(), label -> true);
        if (given.files().isEmpty() && request.isEmpty()) {
            throw new AnswerRejected(FileSet.NO_FILE);
        }
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
        return new FixAnswer(new FileSet(sources), request.map(MarkedSection::text));
    }

    private static void checkNamesATest(String request, Design design) {
        if (design.testFiles().stream().noneMatch(request::contains)) {
            throw new AnswerRejected("the TEST CHANGE REQUEST must name the test file it is about (one of "
                    + design.testFiles() + ") and say why the test is wrong");
        }
    }

    private static boolean same(String fixed, String current) {
        return current != null && fixed.strip().equals(current.strip());
    }
}
