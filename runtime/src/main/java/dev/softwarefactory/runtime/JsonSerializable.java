package dev.softwarefactory.runtime;

/** Marker for everything that is persisted or sent between nodes; bound to jackson-json. */
public interface JsonSerializable {
}
