package dev.softwarefactory.actions;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fenced blocks of a model answer, read as CommonMark reads them (a block closes only on a bare
 * fence of its own character at least as long as its opener, so ```` holds ``` lines), plus one
 * thing models do that CommonMark does not: a same-length fence with a language tag inside a block
 * opens a nested block, and its bare fence closes that one rather than the outer block.
 */
final class MarkdownBlocks {
    private static final Pattern FENCE = Pattern.compile("^( *)(`{3,}|~{3,})[ \\t]*(.*?)[ \\t]*$");
    /** How far before its opener a block's label line may be (blank lines between are common). */
    private static final int LABEL_REACH = 3;

    /**
     * One fenced block: its info string (language tag and whatever follows), its body with a final
     * newline, and the nearest non-blank line before it that lies outside any block, if near; with
     * the line numbers (from 0) of that line (-1 without one), of its opening and of its closing fence.
     */
    record Block(String info, String body, String lineBefore, int lineBeforeAt, int opener, int closer) {
        String language() {
            String first = info.split("[\\s{:,]", 2)[0];
            return first.toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The blocks of an answer, and whether its last block runs to the end unclosed (a cut-off answer). */
    record Parsed(List<Block> blocks, boolean cutOff) {
    }

    private record Fence(int indent, char mark, int length, String info) {
        static Fence of(String line) {
            Matcher m = FENCE.matcher(line);
            if (!m.matches() || (m.group(2).charAt(0) == '`' && m.group(3).contains("`"))) {
                return null;
            }
            return new Fence(m.group(1).length(), m.group(2).charAt(0), m.group(2).length(), m.group(3));
        }

        boolean closes(Fence opener) {
            return info.isEmpty() && matches(opener);
        }

        boolean nestsIn(Fence opener) {
            return !info.isEmpty() && matches(opener);
        }

        private boolean matches(Fence opener) {
            return mark == opener.mark && length >= opener.length && indent <= opener.indent + 3;
        }
    }

    private MarkdownBlocks() {
    }

    /** Line endings as \n (Windows and old Mac ones included) and no byte-order mark. */
    static String normalize(String answer) {
        String text = answer.startsWith("\uFEFF") ? answer.substring(1) : answer;
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** Reads the blocks of an answer whose line endings are already normalized. */
    static Parsed parse(String text) {
        String[] lines = text.split("\n", -1);
        List<Block> blocks = new ArrayList<>();
        String lineBefore = null;
        int lineBeforeAt = -1;
        int i = 0;
        while (i < lines.length) {
            Fence opener = Fence.of(lines[i]);
            if (opener == null) {
                if (!lines[i].isBlank()) {
                    lineBefore = lines[i].strip();
                    lineBeforeAt = i;
                }
                i++;
                continue;
            }
            Deque<Fence> open = new ArrayDeque<>(List.of(opener));
            StringBuilder body = new StringBuilder();
            int j = i + 1;
            for (; j < lines.length; j++) {
                Fence fence = Fence.of(lines[j]);
                if (fence != null && fence.closes(open.peek())) {
                    open.pop();
                    if (open.isEmpty()) {
                        break;
                    }
                } else if (fence != null && fence.nestsIn(open.peek())) {
                    open.push(fence);
                }
                body.append(dedent(lines[j], opener.indent())).append('\n');
            }
            boolean near = lineBeforeAt >= 0 && i - lineBeforeAt <= LABEL_REACH;
            blocks.add(new Block(opener.info(), body.toString(), near ? lineBefore : null, near ? lineBeforeAt : -1,
                    i, Math.min(j, lines.length - 1)));
            if (!open.isEmpty()) {
                return new Parsed(blocks, true);
            }
            lineBefore = null;
            lineBeforeAt = -1;
            i = j + 1;
        }
        return new Parsed(blocks, false);
    }

    /** The answer with its blocks left out: where a document's own headings are. */
    static String outsideBlocks(String text) {
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder();
        Deque<Fence> open = new ArrayDeque<>();
        for (String line : lines) {
            Fence fence = Fence.of(line);
            if (open.isEmpty()) {
                if (fence != null) {
                    open.push(fence);
                } else {
                    out.append(line).append('\n');
                }
            } else if (fence != null && fence.closes(open.peek())) {
                open.pop();
            } else if (fence != null && fence.nestsIn(open.peek())) {
                open.push(fence);
            }
        }
        return out.toString();
    }

    /** A fence for content: one backtick longer than any backtick fence inside it, at least three. */
    static String fenceFor(String content) {
        int longest = 0;
        for (String line : content.split("\n", -1)) {
            Fence fence = Fence.of(line);
            if (fence != null && fence.mark() == '`') {
                longest = Math.max(longest, fence.length());
            }
        }
        return "`".repeat(Math.max(3, longest + 1));
    }

    private static String dedent(String line, int indent) {
        int strip = 0;
        while (strip < indent && strip < line.length() && line.charAt(strip) == ' ') {
            strip++;
        }
        return line.substring(strip);
    }
}
