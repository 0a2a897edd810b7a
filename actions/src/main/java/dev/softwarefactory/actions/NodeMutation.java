package dev.softwarefactory.actions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The mutation check of a JavaScript project: the mutants of the promised functions ({@link JsMutants}),
 * at most {@code maxMutants} of them chosen with the seed, run by {@code checks/node-mutation.js} in the
 * build copy against the project's own test command, which prints what the Python mutator prints.
 */
final class NodeMutation {
    private static final ObjectMapper JSON = new ObjectMapper();

    private NodeMutation() {
    }

    /** The runner's command, or empty when no promised function has a mutation point. */
    static Optional<List<String>> command(Design design, Map<String, String> code, MutationCheck.Settings settings,
            Duration timeout) {
        List<JsMutants.Mutant> points = new ArrayList<>();
        InterfaceCheck.promised(design).forEach((file, signatures) -> {
            if (code.containsKey(file)) {
                points.addAll(JsMutants.of(file, code.get(file), signatures));
            }
        });
        if (points.isEmpty()) {
            return Optional.empty();
        }
        long budgetSeconds = Math.max(1, timeout.toSeconds() * 3 / 4);
        try {
            return Optional.of(ProjectCommands.inBuildCopy(List.of("node", "-e",
                    ScriptResources.text("checks/node-mutation.js"), Long.toString(budgetSeconds),
                    Integer.toString(points.size()), JSON.writeValueAsString(chosen(points, settings)))));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code maxMutants} of the points, chosen with the seed when there are more, in source order. */
    static List<JsMutants.Mutant> chosen(List<JsMutants.Mutant> points, MutationCheck.Settings settings) {
        if (points.size() <= settings.maxMutants()) {
            return points;
        }
        List<Integer> indexes = new ArrayList<>(IntStream.range(0, points.size()).boxed().toList());
        Collections.shuffle(indexes, new Random(settings.seed()));
        return indexes.subList(0, settings.maxMutants()).stream().sorted().map(points::get).toList();
    }
}
