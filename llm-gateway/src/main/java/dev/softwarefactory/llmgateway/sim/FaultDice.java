package dev.softwarefactory.llmgateway.sim;

import java.util.Random;

/** Decides at random, from a seed, which requests get a simulated fault. */
final class FaultDice {
    private final Random random;
    private final SimSettings settings;

    FaultDice(SimSettings settings) {
        this.random = new Random(settings.seed());
        this.settings = settings;
    }

    boolean rateLimited() {
        return roll(settings.fail429());
    }

    boolean serverError() {
        return roll(settings.fail500());
    }

    boolean garbage() {
        return roll(settings.failGarbage());
    }

    boolean cut() {
        return roll(settings.failCut());
    }

    private synchronized boolean roll(double probability) {
        return probability > 0 && random.nextDouble() < probability;
    }
}
