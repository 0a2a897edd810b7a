package dev.softwarefactory.cli.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Nearest-rank percentiles of measured values. */
final class Percentiles {
    private Percentiles() {
    }

    static double of(List<? extends Number> values, int percentile) {
        List<Double> sorted = new ArrayList<>(values.stream().map(Number::doubleValue).toList());
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index));
    }
}
