package dev.softwarefactory.actions;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * QA's answer to a test change request: the revised test files (accepted), or a line
 * {@code REJECTED: why}, whose reason runs to the end or to a file (a block it quotes is part of
 * it). QA changes test files only. Files are labelled as {@link FileLabel} reads them.
 */
public record TestDecision(FileSet revised, Optional<String> rejection) {
    private static final Pattern REJECTED = Pattern.compile("(?i)[ \\t>*_#-]*rejected[*_ \\t]*[:：][*_ \\t]*(.*)");

    public static TestDecision parse(String answer, Design design) {
        String text = ModelAnswers.complete(answer);
        // Beside a rejection, only a block labelled outright is a revised file; others quote a test.
        Optional<MarkedSection> rejected = MarkedSection.find(text, REJECTED,
                block -> FileLabel.of(block).filter(FileLabel::strong).isPresent());
        if (rejected.isPresent()) {
            if (!FileSet.labelled(rejected.get().rest(), design.allFiles(), FileLabel::strong).files().isEmpty()) {
                throw new AnswerRejected("answer either with revised test files or with a line \"REJECTED: <why>\","
                        + " not both");
            }
            if (rejected.get().text().isEmpty()) {
                throw new AnswerRejected("say why after \"REJECTED:\"");
            }
            return new TestDecision(new FileSet(Map.of()), rejected.map(MarkedSection::text));
        }
        FileSet files = FileSet.labelled(text, design.allFiles(), label -> true);
        if (files.files().isEmpty()) {
            throw new AnswerRejected("answer with the whole revised test file (a line \"## File: <path>\" and a fenced"
                    + " block), or with a line \"REJECTED: <why>\"");
        }
        List<String> sources = files.files().keySet().stream().filter(f -> !design.testFiles().contains(f)).toList();
        if (!sources.isEmpty()) {
            throw new AnswerRejected("QA revises test files only (" + String.join(", ", design.testFiles())
                    + "), not " + String.join(", ", sources));
        }
        return new TestDecision(files, Optional.empty());
    }
}
