package dev.softwarefactory.runtime;

/** Model calls, tokens and money spent. */
public record Usage(long modelCalls, long tokens, double costUsd) implements JsonSerializable {
    public static final Usage NONE = new Usage(0, 0, 0.0);

    public Usage plus(Usage other) {
        return new Usage(modelCalls + other.modelCalls, tokens + other.tokens, costUsd + other.costUsd);
    }
}
