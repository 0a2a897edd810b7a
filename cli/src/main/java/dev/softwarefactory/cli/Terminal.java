package dev.softwarefactory.cli;

/**
 * Text recorded from a run (a requirement, a model's answer, a command's output) made safe for a
 * terminal: control characters are shown escaped, e.g. {@code \u001b}, instead of being obeyed
 * (an escape sequence in a requirement would recolour the terminal). Line breaks and tabs stay.
 */
final class Terminal {
    private Terminal() {
    }

    static String safe(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\n' && c != '\r' && c != '\t') || (c >= 0x7f && c <= 0x9f);
            if (control && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                out.append(control ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out == null ? text : out.toString();
    }
}
