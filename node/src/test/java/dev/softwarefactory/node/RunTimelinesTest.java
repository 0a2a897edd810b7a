package dev.softwarefactory.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import dev.softwarefactory.runtime.Outcome;
import dev.softwarefactory.runtime.replay.GrowingTimeline;
import dev.softwarefactory.runtime.replay.RunJournal;
import dev.softwarefactory.runtime.replay.Step;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The API's timelines kept in memory: read while a run grows, equal to reading the journal whole. */
class RunTimelinesTest {
    private static final int CACHE_STEPS = 60;
    private static Path dir;
    private static NodeSession session;
    private static RunService service;
    private static String slowScript;
    private static String script;

    @BeforeAll
    static void startNode() throws IOException {
        dir = Files.createTempDirectory("run-timelines");
        session = NodeSession.open(dir.resolve("data"), true,
                ConfigFactory.parseString("software-factory.timeline-cache-steps = " + CACHE_STEPS));
        service = RunService.start(session, Optional.empty(), Optional.empty(), new SimpleMeterRegistry());
        String calculator = Files.readString(Path.of("..", "examples", "calculator.json"));
        Path slow = dir.resolve("calculator.json");
        Files.writeString(slow, calculator.replace("\"reply\":", "\"delayMs\": 40, \"reply\":"));
        slowScript = "scripted:" + slow.toAbsolutePath();
        script = "scripted:" + Path.of("..", "examples", "calculator.json").toAbsolutePath();
    }

    @AfterAll
    static void stop() throws IOException {
        service.close();
        session.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static String run(String model) {
        return service.start(new StartRun("Write a calculator", new ModelOptions(model, null, null), 10, 0.0))
                .id();
    }

    private static String ended() {
        String runId = run(script);
        service.feed().ended(runId).toCompletableFuture().join();
        return runId;
    }

    private static List<String> all(String runId) {
        return service.timeline(runId, 0, Integer.MAX_VALUE, false, StepFilter.ALL).stream()
                .map(v -> v.step() + " " + v.role() + " " + v.event() + " " + v.summary()).toList();
    }

    private static List<String> rows(List<Step> steps) {
        return steps.stream().map(s -> s.number() + " " + s.role() + " " + s.type() + " " + s.summary()).toList();
    }

    private static List<String> whole(String runId) {
        return rows(RunJournal.of(session.system()).timeline(runId));
    }

    @Test
    void aTimelineReadWhileTheRunGrowsIsAlwaysAPrefixOfTheWholeOne() {
        String runId = run(slowScript);
        List<List<String>> looks = new ArrayList<>();
        while (service.find(runId).outcome() == Outcome.RUNNING) {
            looks.add(all(runId));
        }
        service.feed().ended(runId).toCompletableFuture().join();
        List<String> whole = whole(runId);
        assertEquals(whole, all(runId));
        assertTrue(looks.size() > 2, "the run was looked at only " + looks.size() + " times while it ran");
        for (List<String> look : looks) {
            assertEquals(whole.subList(0, look.size()), look);
        }
    }

    @Test
    void eventsYoungerThanTheSettleTimeAreReadAgainInsteadOfKept() {
        String runId = ended();
        RunJournal journal = RunJournal.of(session.system());
        GrowingTimeline unsettled = new GrowingTimeline(runId, Duration.ofHours(1));
        assertEquals(whole(runId), rows(unsettled.steps(journal)));
        assertEquals(0, unsettled.kept());
        GrowingTimeline settled = new GrowingTimeline(runId, Duration.ZERO);
        assertEquals(whole(runId), rows(settled.steps(journal)));
        assertEquals(whole(runId).size(), settled.kept());
    }

    @Test
    void aTimelineKeepsTheSettledEventsAndGoesOnFromThemWithTheYoungOnes() {
        String runId = ended();
        RunJournal journal = RunJournal.of(session.system());
        List<Step> steps = journal.timeline(runId);
        long cut = steps.get(steps.size() / 2).timestamp();
        long settledSteps = steps.stream().filter(step -> step.timestamp() < cut).count();
        GrowingTimeline halfSettled = new GrowingTimeline(runId,
                Duration.ofMillis(System.currentTimeMillis() - cut));
        assertEquals(whole(runId), rows(halfSettled.steps(journal)));
        assertTrue(halfSettled.kept() >= settledSteps && halfSettled.kept() < steps.size(),
                halfSettled.kept() + " kept of " + steps.size() + ", " + settledSteps + " settled");
        assertEquals(whole(runId), rows(halfSettled.steps(journal)));
    }

    @Test
    void theRunsLeastRecentlyReadAreLetGoPastTheLimitAndReadAgainWhole() {
        String first = ended();
        String second = ended();
        RunTimelines timelines = new RunTimelines(session.system(), session.dataDir());
        int firstSteps = timelines.read(first).steps().size();
        assertTrue(firstSteps > CACHE_STEPS, "a run of " + firstSteps + " steps");
        assertEquals(firstSteps, timelines.keptSteps());
        int secondSteps = timelines.read(second).steps().size();
        assertEquals(secondSteps, timelines.keptSteps());
        assertEquals(whole(first), rows(timelines.read(first).steps()));
        assertEquals(firstSteps, timelines.keptSteps());
    }

    @Test
    void anUnknownRunIsNotFoundAndNotKept() {
        RunTimelines timelines = new RunTimelines(session.system(), session.dataDir());
        UserError error = assertThrows(UserError.class, () -> timelines.read("no-such-run"));
        assertTrue(error.getMessage().startsWith("no run no-such-run in "), error.getMessage());
        assertEquals(0, timelines.keptSteps());
    }
}
