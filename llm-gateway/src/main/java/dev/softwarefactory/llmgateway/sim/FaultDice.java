package dev.softwarefactory.llmgateway.sim;

import java.util.Random;

/** Decides at random, from a seed, which requests get a simulated 429 or 500. */
final class FaultDice {
    private final Random random;
    private final double fail429;
    private final double fail500;

    FaultDice(long seed, double fail429, double fail500) {
        this.random = new Random(seed);
        this.fail429 = fail429;
        this.fail500 = fail500;
    }

    synchronized boolean rateLimited() {
        return fail429 > 0 && random.nextDouble() < fail429;
    }

    synchronized boolean serverError() {
        return fail500 > 0 && random.nextDouble() < fail500;
    }
}
