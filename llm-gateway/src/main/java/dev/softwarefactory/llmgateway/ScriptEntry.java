package dev.softwarefactory.llmgateway;

/** One scripted answer: the reply for a request of this action (and target, if given). */
public record ScriptEntry(String action, String target, String reply, long delayMs) {
}
