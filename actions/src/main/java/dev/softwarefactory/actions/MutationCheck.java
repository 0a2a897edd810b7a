package dev.softwarefactory.actions;

import com.typesafe.config.Config;
import dev.softwarefactory.runtime.action.ActionContext;
import dev.softwarefactory.runtime.action.ActionInput;
import dev.softwarefactory.runtime.action.EffectResult.CommandExited;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tests must be able to fail: once QA's tests pass, they run against deliberately broken copies of the
 * design's interface functions (mutants: a flipped comparison, a changed constant, a dropped statement,
 * a swapped arithmetic operator, a negated return). Tests that let too many mutants live go back to QA
 * with the survivors named. Python projects are mutated by {@code checks/python-mutation.py}, Maven
 * projects by PIT ({@link PitMutation}), JavaScript projects by {@link NodeMutation}.
 */
public final class MutationCheck {
    static final String KEY = "mutation";
    private static final Pattern SCORE = Pattern.compile("mutation score:? (\\d+)/(\\d+)");
    private final Settings settings;

    /**
     * {@code maxMutants} bounds the mutants run (chosen with {@code seed} when there are more), a score
     * below {@code minScore} sends the tests back to QA, at most {@code maxRevisions} times a run.
     */
    public record Settings(boolean enabled, int maxMutants, double minScore, int seed, int maxRevisions) {
        public static Settings fromConfig(Config config) {
            return new Settings(config.getBoolean("enabled"), config.getInt("max-mutants"),
                    config.getDouble("min-score"), config.getInt("seed"), config.getInt("max-revisions"));
        }

        public static Settings off() {
            return new Settings(false, 0, 0, 0, 0);
        }
    }

    /** Killed of run mutants, as reports and the run summary state it: {@code mutation score 8/10 (80%)}. */
    public record Score(int killed, int mutants) {
        public double ratio() {
            return mutants == 0 ? 1 : (double) killed / mutants;
        }

        @Override
        public String toString() {
            return String.format("mutation score %d/%d (%.0f%%)", killed, mutants, 100 * ratio());
        }

        /** The score the first line of a test report states; empty when it states none. */
        public static Optional<Score> in(String report) {
            Matcher score = SCORE.matcher(report.lines().findFirst().orElse(""));
            return score.find() ? Optional.of(new Score(Integer.parseInt(score.group(1)),
                    Integer.parseInt(score.group(2)))) : Optional.empty();
        }
    }

    /** What one check found: its score, the survivors (one line each), and whether the tests go back to QA. */
    public record Result(Score score, List<String> survivors, double minScore, boolean sendBack) {
        /** The report that sends the tests back to QA, naming every surviving mutant. */
        public String weakReport() {
            StringBuilder report = new StringBuilder(RunTests.WEAK + ": " + score + String.format(", below the"
                    + " minimum %.0f%%: the tests pass, but so do %d of %d deliberately broken versions of the code."
                    + " Strengthen them so that each of these changes makes a test fail:%n", 100 * minScore,
                    survivors.size(), score.mutants()));
            survivors.forEach(s -> report.append("- ").append(s).append('\n'));
            return report.toString();
        }
    }

    public MutationCheck(Settings settings) {
        this.settings = settings;
    }

    /** The Python mutator's command, or empty when the check is off, the project is not Python, or nothing is promised. */
    public Optional<List<String>> command(Design design, ProjectCommands commands, boolean pytest, Duration timeout) {
        if (!settings.enabled() || settings.maxMutants() < 1 || design.toolchain() != Toolchain.PYTHON) {
            return Optional.empty();
        }
        Map<String, List<String>> promised = InterfaceCheck.promised(design);
        if (promised.isEmpty()) {
            return Optional.empty();
        }
        // The mutator stops starting mutants before the command's own limit, so a slow suite still gets a score.
        long budgetSeconds = Math.max(1, timeout.toSeconds() * 3 / 4);
        List<String> python = new ArrayList<>(ProjectCommands.python());
        python.addAll(List.of("-c", ScriptResources.text("checks/python-mutation.py"),
                "--seed", Integer.toString(settings.seed()), "--max-mutants", Integer.toString(settings.maxMutants()),
                "--runner", pytest ? "pytest" : "unittest", "--time-budget", Long.toString(budgetSeconds),
                "--interfaces", InterfaceCheck.json(promised)));
        return Optional.of(ProjectCommands.inBuildCopy(python));
    }

    /**
     * Runs the check on green tests; empty when it does not apply or gave no score (the unchanged tests
     * did not pass in the mutation copy, or it could not run): the tests' own verdict stands then.
     */
    public Optional<Result> run(ActionContext context, ActionInput input, Design design, ProjectCommands commands,
            boolean pytest, Duration timeout) {
        if (!settings.enabled() || settings.maxMutants() < 1) {
            return Optional.empty();
        }
        switch (design.toolchain()) {
            case JAVA:
                return PitMutation.run(context, CodeBase.current(input, design), design, commands, settings.maxMutants(),
                        timeout).map(found -> result(found.score(), found.survivors(), revisionsAsked(input)));
            case NODE:
                return NodeMutation.command(design, CodeBase.current(input, design), settings, timeout)
                        .flatMap(command -> parse(context.exec(KEY, command, timeout), revisionsAsked(input)));
            default:
                return command(design, commands, pytest, timeout)
                        .flatMap(command -> parse(context.exec(KEY, command, timeout), revisionsAsked(input)));
        }
    }

    Optional<Result> parse(CommandExited exited, int revisionsAsked) {
        Optional<Score> score = Score.in(exited.output().lines().filter(l -> l.startsWith("mutation score:"))
                .findFirst().orElse(""));
        if (exited.exitCode() != 0 || exited.timedOut() || score.isEmpty() || score.get().mutants() == 0) {
            return Optional.empty();
        }
        List<String> survivors = exited.output().lines().filter(l -> l.startsWith("survived: "))
                .map(l -> l.substring("survived: ".length())).toList();
        return Optional.of(result(score.get(), survivors, revisionsAsked));
    }

    private Result result(Score score, List<String> survivors, int revisionsAsked) {
        boolean weak = score.ratio() < settings.minScore();
        return new Result(score, survivors, settings.minScore(), weak && revisionsAsked < settings.maxRevisions());
    }

    /** How often this run already sent the tests back: the WEAK reports QA observed. */
    private static int revisionsAsked(ActionInput input) {
        return (int) input.memory().stream().filter(m -> m.type().equals(MessageTypes.TEST_REPORT)
                && m.content().startsWith(RunTests.WEAK)).count();
    }
}
