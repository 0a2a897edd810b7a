package dev.softwarefactory.actions;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A WriteCode or WriteTests answer: one file's whole content, bare or in a fenced block among prose
 * and other blocks. The block labelled with the file's name wins; else, among the blocks whose
 * language fits the file (so a usage example in a shell block is not taken for the code), one whose
 * prose names the file, then the longest.
 */
public final class CodeFile {
    private static final Map<String, Set<String>> LANGUAGES = Map.of(
            "py", Set.of("python", "python3", "py", "py3"),
            "java", Set.of("java"),
            "js", Set.of("javascript", "js", "node", "nodejs", "jsx", "mjs"),
            "ts", Set.of("typescript", "ts", "tsx"),
            "md", Set.of("markdown", "md"),
            "txt", Set.of("text", "txt", "plaintext", "plain"),
            "xml", Set.of("xml", "pom"),
            "json", Set.of("json", "jsonc"),
            "yml", Set.of("yaml", "yml"),
            "toml", Set.of("toml", "ini"));

    private CodeFile() {
    }

    /** The content of {@code path} in the answer; {@link AnswerRejected} says why there is none usable. */
    public static String parse(String answer, String path) {
        String text = ModelAnswers.text(answer);
        List<MarkdownBlocks.Block> blocks = ModelAnswers.blocks(text);
        String body = blocks.isEmpty() ? text : choose(blocks, path).body();
        if (body.isBlank()) {
            throw new AnswerRejected("the code block is empty");
        }
        List<String> stubs = StubDetector.stubs(path, body);
        if (!stubs.isEmpty()) {
            throw new AnswerRejected("the file has stubs, write their implementation: " + String.join(", ", stubs));
        }
        return body.endsWith("\n") ? body : body + "\n";
    }

    private static MarkdownBlocks.Block choose(List<MarkdownBlocks.Block> blocks, String path) {
        List<MarkdownBlocks.Block> labelled = blocks.stream()
                .filter(b -> FileLabel.of(b).filter(l -> l.strong() && l.names(path)).isPresent()).toList();
        if (!labelled.isEmpty()) {
            return labelled.get(labelled.size() - 1);
        }
        Comparator<MarkdownBlocks.Block> mentionedThenLongest = Comparator
                .comparing((MarkdownBlocks.Block b) -> FileLabel.of(b).filter(l -> l.names(path)).isPresent())
                .thenComparingInt(b -> b.body().length());
        Optional<MarkdownBlocks.Block> fitting = blocks.stream()
                .filter(b -> FileLabel.of(b).filter(FileLabel::strong).isEmpty())
                .filter(b -> fits(b.language(), path))
                .max(mentionedThenLongest);
        return fitting.orElseThrow(() -> new AnswerRejected("the answer has no code block for " + path + " (its blocks"
                + " are for " + blocks.stream().map(b -> FileLabel.of(b).map(FileLabel::path).orElse(b.language()))
                        .distinct().toList() + ")"));
    }

    private static boolean fits(String language, String path) {
        if (language.isEmpty()) {
            return true;
        }
        String extension = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return language.equals(extension) || LANGUAGES.getOrDefault(extension, Set.of()).contains(language);
    }
}
