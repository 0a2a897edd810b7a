package dev.softwarefactory.actions;

/** Python source with the inside of its strings and its comments blanked, lines kept: code that can be scanned. */
final class PythonSource {
    private PythonSource() {
    }

    /** String contents become x (quotes and line breaks stay), comments become spaces. */
    static String mask(String code) {
        StringBuilder out = new StringBuilder(code.length());
        int i = 0;
        int n = code.length();
        while (i < n) {
            char c = code.charAt(i);
            if (c == '#') {
                for (; i < n && code.charAt(i) != '\n'; i++) {
                    out.append(' ');
                }
            } else if (c == '"' || c == '\'') {
                String quote = code.startsWith(String.valueOf(c).repeat(3), i) ? String.valueOf(c).repeat(3)
                        : String.valueOf(c);
                out.append(quote);
                i = maskString(code, i + quote.length(), quote, out);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int maskString(String code, int from, String quote, StringBuilder out) {
        int i = from;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '\\' && i + 1 < code.length()) {
                out.append('x').append(code.charAt(i + 1) == '\n' ? '\n' : 'x');
                i += 2;
            } else if (code.startsWith(quote, i)) {
                out.append(quote);
                return i + quote.length();
            } else if (c == '\n' && quote.length() == 1) {
                return i;
            } else {
                out.append(c == '\n' ? '\n' : 'x');
                i++;
            }
        }
        return i;
    }
}
