package dev.softwarefactory.actions;

import java.util.List;
import java.util.Locale;

/** The acceptance criteria section of a PRD: what QA judges a test change against. */
final class AcceptanceCriteria {
    private AcceptanceCriteria() {
    }

    /** The section's text under its heading, or the whole PRD when no heading names it. */
    static String of(String prd) {
        List<String> lines = prd.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (isHeading(lines.get(i)) && lines.get(i).toLowerCase(Locale.ROOT).contains("acceptance criteria")) {
                int end = i + 1;
                while (end < lines.size() && !isHeading(lines.get(end))) {
                    end++;
                }
                return String.join("\n", lines.subList(i, end)).strip() + "\n";
            }
        }
        return prd;
    }

    private static boolean isHeading(String line) {
        return line.startsWith("## ") || line.startsWith("# ");
    }
}
