package dev.softwarefactory.node;

import dev.softwarefactory.actions.MessageTypes;
import dev.softwarefactory.runtime.Company;
import dev.softwarefactory.runtime.RoleActor;
import dev.softwarefactory.runtime.RunConfig;
import dev.softwarefactory.runtime.Usage;
import dev.softwarefactory.runtime.action.EffectResult.LlmAnswered;
import dev.softwarefactory.runtime.replay.ReplaySource;
import dev.softwarefactory.runtime.replay.Step;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A run in full: its listing, what its model calls cost by role and by model (calls served from
 * another run's journal cost nothing and are left out), its last test result, its step count, and
 * the run it reruns or forks, if any, its budget (0: none), and for an ended rerun the digests of
 * both workspaces (equal when the journal rebuilt the project byte for byte).
 */
public record RunDetail(RunItem run, Map<String, Usage> usageByRole, Map<String, Usage> usageByModel,
        String testResult, long steps, ReplaySource replay, double budgetUsd, Digests digest) {

    /** The SHA-256 digests of a rerun's workspace and of the workspace of the run it reran. */
    public record Digests(String rerun, String source) {
    }

    static RunDetail of(RunItem run, List<Step> timeline, RunConfig config, Digests digest) {
        Map<String, Usage> byRole = new TreeMap<>();
        Map<String, Usage> byModel = new TreeMap<>();
        String testResult = "not run";
        for (Step step : timeline) {
            if (step.event() instanceof RoleActor.EffectRecorded e && e.result() instanceof LlmAnswered llm) {
                Usage usage = new Usage(1, llm.inputTokens() + llm.outputTokens(), llm.costUsd());
                byRole.merge(step.role(), usage, Usage::plus);
                byModel.merge(llm.model(), usage, Usage::plus);
            } else if (step.event() instanceof Company.MessagePublished e
                    && e.entry().message().type().equals(MessageTypes.TEST_REPORT)) {
                testResult = e.entry().message().content().lines().findFirst().orElse("");
            }
        }
        return new RunDetail(run, byRole, byModel, testResult, timeline.size(), config == null ? null : config.replay(),
                config == null ? 0.0 : config.budgetUsd(), digest);
    }
}
