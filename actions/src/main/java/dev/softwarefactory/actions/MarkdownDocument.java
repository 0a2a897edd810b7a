package dev.softwarefactory.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Markdown document a model writes (PRD, README), checked for its sections by what the headings
 * say, in any language or two at once ({@code ## 目标（Goals）}, {@code ## Objectifs}), numbered or
 * bold, at any level. The synonyms of each section are a resource: {@code sections/<kind>.json}.
 */
final class MarkdownDocument {
    private static final Pattern ATX = Pattern.compile("^ {0,3}#{1,6}\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern BOLD_LINE = Pattern.compile("^\\s*(?:\\*\\*|__)(.+?)(?:\\*\\*|__)\\s*[:：]?\\s*$");
    private static final Pattern SETEXT = Pattern.compile("^ {0,3}(=+|-{2,})\\s*$");
    private static final Set<String> DOCUMENT_TAGS = Set.of("", "markdown", "md");

    private final String name;
    private final Map<String, List<String>> required;

    private MarkdownDocument(String name, Map<String, List<String>> required) {
        this.name = name;
        this.required = required;
    }

    static MarkdownDocument of(String kind) {
        try (InputStream in = MarkdownDocument.class.getResourceAsStream("/sections/" + kind + ".json")) {
            JsonNode node = new ObjectMapper().readTree(in);
            Map<String, List<String>> required = new LinkedHashMap<>();
            node.get("required").fields().forEachRemaining(f -> {
                List<String> synonyms = new ArrayList<>();
                f.getValue().forEach(s -> synonyms.add(s.asText().toLowerCase(Locale.ROOT)));
                required.put(f.getKey(), synonyms);
            });
            return new MarkdownDocument(node.get("document").asText(), required);
        } catch (IOException e) {
            throw new UncheckedIOException("the section synonyms of " + kind + " do not load", e);
        }
    }

    /**
     * The document, with its final newline: the answer itself, or the body of the Markdown block it
     * wrapped the document in. {@link AnswerRejected} names the required sections it lacks.
     */
    String parse(String answer) {
        String text = ModelAnswers.text(answer);
        List<MarkdownBlocks.Block> blocks = ModelAnswers.blocks(text);
        String document = text;
        List<String> missing = missing(MarkdownBlocks.outsideBlocks(text));
        for (MarkdownBlocks.Block block : blocks) {
            if (!missing.isEmpty() && DOCUMENT_TAGS.contains(block.language())) {
                List<String> inBlock = missing(block.body());
                if (inBlock.size() < missing.size()) {
                    document = block.body();
                    missing = inBlock;
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new AnswerRejected("the " + name + " lacks the sections (## headings): " + String.join(", ", missing));
        }
        return document.endsWith("\n") ? document : document + "\n";
    }

    private List<String> missing(String markdown) {
        List<String> headings = headings(markdown);
        return required.entrySet().stream()
                .filter(section -> headings.stream().noneMatch(h -> section.getValue().stream().anyMatch(s -> says(h, s))))
                .map(Map.Entry::getKey).toList();
    }

    static List<String> headings(String markdown) {
        String[] lines = markdown.split("\n", -1);
        List<String> headings = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            Matcher atx = ATX.matcher(lines[i]);
            Matcher bold = BOLD_LINE.matcher(lines[i]);
            if (atx.matches()) {
                headings.add(atx.group(1).toLowerCase(Locale.ROOT));
            } else if (bold.matches()) {
                headings.add(bold.group(1).toLowerCase(Locale.ROOT));
            } else if (i + 1 < lines.length && !lines[i].isBlank() && SETEXT.matcher(lines[i + 1]).matches()) {
                headings.add(lines[i].strip().toLowerCase(Locale.ROOT));
            }
        }
        return headings;
    }

    /** Whether a heading says a synonym: as a whole word in alphabets with spaces, anywhere in CJK text. */
    private static boolean says(String heading, String synonym) {
        if (synonym.codePoints().anyMatch(c -> c >= 0x2E80)) {
            return heading.contains(synonym);
        }
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(synonym) + "(?![\\p{L}])").matcher(heading).find();
    }
}
