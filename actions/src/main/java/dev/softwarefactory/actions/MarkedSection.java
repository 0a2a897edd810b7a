package dev.softwarefactory.actions;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of an answer a marker line starts ({@code REJECTED: why}, {@code TEST CHANGE REQUEST: ...}):
 * the marker's text and what follows it, blocks without a file label included (a quoted assertion),
 * up to the first block that is a file, and the answer without that part, where the files are.
 *
 * @param text the marker line's text after the marker, and the lines after it, stripped
 * @param rest the answer without the marker line and the lines of {@code text}
 */
record MarkedSection(String text, String rest) {

    /**
     * The section of the first line outside any block that {@code marker} matches (its group 1 is the
     * marker's own text); {@code isFile} says which blocks end it, together with the label line before them.
     */
    static Optional<MarkedSection> find(String text, Pattern marker, Predicate<MarkdownBlocks.Block> isFile) {
        String[] lines = text.split("\n", -1);
        List<MarkdownBlocks.Block> blocks = ModelAnswers.blocks(text);
        for (int i = 0; i < lines.length; i++) {
            int line = i;
            if (blocks.stream().anyMatch(b -> b.opener() <= line && line <= b.closer())) {
                continue;
            }
            Matcher m = marker.matcher(lines[i]);
            if (m.matches()) {
                int end = end(blocks, i, lines.length, isFile);
                String section = m.group(1) + "\n" + String.join("\n", Arrays.copyOfRange(lines, i + 1, end));
                String rest = String.join("\n", Arrays.copyOfRange(lines, 0, i)) + "\n"
                        + String.join("\n", Arrays.copyOfRange(lines, end, lines.length));
                return Optional.of(new MarkedSection(section.strip(), rest));
            }
        }
        return Optional.empty();
    }

    /** Where the section of the marker on line {@code at} ends: the first file after it, with its label line. */
    private static int end(List<MarkdownBlocks.Block> blocks, int at, int lineCount,
            Predicate<MarkdownBlocks.Block> isFile) {
        for (MarkdownBlocks.Block block : blocks) {
            if (block.opener() > at && isFile.test(block)) {
                return block.lineBeforeAt() > at ? block.lineBeforeAt() : block.opener();
            }
        }
        return lineCount;
    }
}
