package dev.softwarefactory.actions;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the attempts at one validated answer are keyed ({@code prd}, {@code prd#2}, {@code prd#3}),
 * so that whoever reads a run back (the dataset export) can tell which answers were sent back.
 */
public final class AnswerAttempts {
    /** Attempts before the action gives up. */
    public static final int MAX = 3;
    private static final Pattern NUMBERED = Pattern.compile("(.*)#(\\d+)");

    private AnswerAttempts() {
    }

    static String key(String key, int attempt) {
        return attempt == 1 ? key : key + "#" + attempt;
    }

    /** Which attempt an effect key is: 1 for the first, n for {@code key#n}. */
    public static int attempt(String effectKey) {
        Matcher m = NUMBERED.matcher(effectKey);
        return m.matches() ? Integer.parseInt(m.group(2)) : 1;
    }

    /** The effect key of the attempt after this one: what was recorded if this answer was rejected. */
    public static String next(String effectKey) {
        Matcher m = NUMBERED.matcher(effectKey);
        return m.matches() ? m.group(1) + "#" + (Integer.parseInt(m.group(2)) + 1) : effectKey + "#2";
    }
}
