package dev.softwarefactory.actions;

import dev.softwarefactory.runtime.Workspace;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Whole files in Markdown: each file's full content in a fenced block labelled with its path
 * ({@code ## File: path} before it, or any label {@link FileLabel} reads). FixBug answers in it,
 * and CodeChange and TestCode messages carry code in it.
 */
public record FileSet(Map<String, String> files) {
    static final String NO_FILE = "no file given: write each as a line \"## File: path\" and a fenced block";

    public FileSet {
        files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    /**
     * Parses whole files; each path must be relative, stay inside the workspace, and be one of
     * {@code allowed}. A block named only in passing (prose, a comment) counts when it names an
     * allowed file; one labelled outright with any other path is refused.
     */
    public static FileSet parse(String answer, Collection<String> allowed) {
        FileSet files = labelled(ModelAnswers.text(answer), allowed, label -> true);
        if (files.files().isEmpty()) {
            throw new AnswerRejected(NO_FILE);
        }
        return files;
    }

    /**
     * The files of a normalized answer as {@link #parse} reads them, of the labels {@code counts}
     * accepts; none when it has none.
     */
    static FileSet labelled(String text, Collection<String> allowed, Predicate<FileLabel> counts) {
        Map<String, String> files = new LinkedHashMap<>();
        for (MarkdownBlocks.Block block : ModelAnswers.blocks(text)) {
            Optional<FileLabel> label = FileLabel.of(block).filter(counts);
            if (label.isEmpty() || !isFile(label.get(), allowed)) {
                continue;
            }
            String path = label.get().path();
            try {
                Workspace.checkRelative(path);
            } catch (IllegalArgumentException e) {
                throw new AnswerRejected(e.getMessage());
            }
            if (!allowed.contains(path)) {
                throw new AnswerRejected(path + " is not a file of the design " + allowed);
            }
            if (block.body().isBlank()) {
                throw new AnswerRejected(path + " is given empty");
            }
            files.put(path, block.body());
        }
        return new FileSet(files);
    }

    /** Whether a block so labelled is a file: labelled outright, or named in passing as an allowed file. */
    static boolean isFile(FileLabel label, Collection<String> allowed) {
        return label.strong() || allowed.contains(label.path());
    }

    /** Each file under "## File: path" in a fence longer than any fence inside it, so it reads back whole. */
    public String render() {
        StringBuilder text = new StringBuilder();
        files.forEach((path, content) -> {
            String fence = MarkdownBlocks.fenceFor(content);
            text.append("## File: ").append(path).append('\n').append(fence).append('\n').append(content)
                    .append(content.endsWith("\n") ? "" : "\n").append(fence).append("\n\n");
        });
        return text.toString();
    }
}
