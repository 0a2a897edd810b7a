package dev.softwarefactory.node;

/** A new run as a user asks for it: what to build, the model, the most actions, the budget (0: none). */
public record StartRun(String requirement, ModelOptions model, int nRound, double investment) {
}
