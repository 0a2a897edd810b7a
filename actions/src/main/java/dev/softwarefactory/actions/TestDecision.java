package dev.softwarefactory.actions;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * QA's answer to a test change request: the revised test files (accepted), or a line
 * {@code REJECTED: why}. QA changes test files only.
 */
public record TestDecision(FileSet revised, Optional<String> rejection) {
    private static final Pattern REJECTED = Pattern.compile("(?im)^[ \\t>*_#-]*rejected[*_ \\t]*:[*_ \\t]*(.*)$");
    private static final Pattern FILE_LINE = Pattern.compile("(?m)^#{1,4} File:");

    public static TestDecision parse(String answer, Design design) {
        ModelAnswers.complete(answer);
        Matcher rejected = REJECTED.matcher(answer);
        boolean hasFiles = FILE_LINE.matcher(answer).find();
        if (rejected.find()) {
            if (hasFiles) {
                throw new AnswerRejected("answer either with revised test files or with a line \"REJECTED: <why>\","
                        + " not both");
            }
            String why = answer.substring(rejected.start(1)).strip();
            if (why.isEmpty()) {
                throw new AnswerRejected("say why after \"REJECTED:\"");
            }
            return new TestDecision(new FileSet(java.util.Map.of()), Optional.of(why));
        }
        if (!hasFiles) {
            throw new AnswerRejected("answer with the whole revised test file (a line \"## File: <path>\" and a fenced"
                    + " block), or with a line \"REJECTED: <why>\"");
        }
        FileSet files = FileSet.parse(answer, design.allFiles());
        List<String> sources = files.files().keySet().stream().filter(f -> !design.testFiles().contains(f)).toList();
        if (!sources.isEmpty()) {
            throw new AnswerRejected("QA revises test files only (" + String.join(", ", design.testFiles())
                    + "), not " + String.join(", ", sources));
        }
        return new TestDecision(files, Optional.empty());
    }
}
