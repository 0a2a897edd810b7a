package dev.softwarefactory.runtime.action;

import java.util.List;

/** A message an action wants published; the role gives it its id, run and sender. */
public record Draft(String type, String content, List<String> recipients) {
    public static Draft of(String type, String content) {
        return new Draft(type, content, List.of());
    }
}
