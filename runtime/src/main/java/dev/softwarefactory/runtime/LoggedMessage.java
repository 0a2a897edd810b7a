package dev.softwarefactory.runtime;

/** A message with its position in the run's log (1-based, gap-free). */
public record LoggedMessage(long seq, Message message) implements JsonSerializable {
}
