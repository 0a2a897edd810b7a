package dev.softwarefactory.llmgateway.gateway;

/** A backend and the model to ask it for: one entry of an alias. */
public record Target(String backend, String model) {
}
