package dev.softwarefactory.runtime.replay;

import akka.persistence.query.EventEnvelope;
import dev.softwarefactory.runtime.Company;
import dev.softwarefactory.runtime.EffectSummary;
import dev.softwarefactory.runtime.LoggedMessage;
import dev.softwarefactory.runtime.Message;
import dev.softwarefactory.runtime.RoleActor;
import dev.softwarefactory.runtime.action.EffectResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a run's tagged events into numbered steps with the columns the replay command prints, all at
 * once ({@link #of}) or one by one as a live feed reads them ({@link #next}).
 */
public final class Timeline {
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private final Map<String, String> actions = new HashMap<>();
    private final List<Step> steps = new ArrayList<>();
    /** Steps handed out by {@link #next} and no longer held. */
    private long count;

    public Timeline() {
    }

    /** A timeline that goes on from where this one is, without changing this one. */
    Timeline copy() {
        Timeline copy = new Timeline();
        copy.actions.putAll(actions);
        copy.steps.addAll(steps);
        copy.count = count;
        return copy;
    }

    static List<Step> of(List<EventEnvelope> envelopes) {
        Timeline timeline = new Timeline();
        envelopes.forEach(timeline::add);
        return timeline.steps;
    }

    /** The step of the run's next event in tag order; only the last step is kept, not the whole timeline. */
    public Step next(EventEnvelope envelope) {
        add(envelope);
        Step step = steps.get(steps.size() - 1);
        steps.clear();
        count = step.number();
        return step;
    }

    private void add(EventEnvelope envelope) {
        long number = count + steps.size() + 1;
        long time = envelope.timestamp();
        String role = actor(envelope.persistenceId());
        Object event = envelope.event();
        String type = event.getClass().getSimpleName();
        if (event instanceof RoleActor.ActionStarted e) {
            actions.put(role + "#" + e.invocation(), e.action());
            step(number, time, role, type, e.invocation(), "", "started on " + e.inputIds(), event);
        } else if (event instanceof RoleActor.EffectRecorded e) {
            effect(number, time, role, type, e.invocation(), e.key(), e.result(), "", event);
        } else if (event instanceof RoleActor.EffectReplayed e) {
            effect(number, time, role, type, e.invocation(), e.key(), e.result(),
                    " (served from run " + e.sourceRun() + " step " + e.sourceStep() + ")", event);
        } else if (event instanceof RoleActor.ActionCompleted e) {
            step(number, time, role, type, e.invocation(), "", "published "
                    + e.outputs().stream().map(Message::type).toList(), event);
        } else if (event instanceof RoleActor.OutputsDelivered e) {
            step(number, time, role, type, e.invocation(), "", e.runOpen() ? "delivered" : "delivered, run closed",
                    event);
        } else if (event instanceof RoleActor.ActionFailed e) {
            step(number, time, role, type, e.invocation(), "", "FAILED: " + e.reason(), event);
        } else if (event instanceof RoleActor.MessageObserved e) {
            step(number, time, role, type, 0, "", "observed " + message(e.entry()), event);
        } else if (event instanceof Company.MessagePublished e) {
            step(number, time, role, type, 0, "", message(e.entry()), event);
        } else if (event instanceof Company.RunStarted e) {
            step(number, time, role, type, 0, "", "requirement: " + e.config().requirement(), event);
        } else if (event instanceof Company.ActionAccounted e) {
            actions.put(e.role() + "#" + e.invocation(), e.action());
            step(number, time, role, type, 0, "", String.format("%s#%d %s: %d model calls, %d tokens, $%.4f",
                    e.role(), e.invocation(), e.action(), e.usage().modelCalls(), e.usage().tokens(),
                    e.usage().costUsd()), event);
        } else if (event instanceof Company.ModelCallAccounted e) {
            step(number, time, role, type, 0, "", String.format("%s#%d %s: %d model call, %d tokens, $%.4f counted",
                    e.role(), e.invocation(), e.key(), e.usage().modelCalls(), e.usage().tokens(),
                    e.usage().costUsd()), event);
        } else if (event instanceof Company.RunResumed) {
            step(number, time, role, type, 0, "", "resumed", event);
        } else if (event instanceof Company.RunEnded e) {
            step(number, time, role, type, 0, "", e.outcome() + ": " + e.reason(), event);
        } else {
            step(number, time, role, type, 0, "", String.valueOf(event), event);
        }
    }

    private void step(long number, long time, String role, String type, long invocation, String key, String summary,
            Object event) {
        steps.add(new Step(number, time, role, type, invocation, actions.getOrDefault(role + "#" + invocation, ""),
                key, 0, 0.0, oneLine(summary), event));
    }

    private void effect(long number, long time, String role, String type, long invocation, String key,
            EffectResult result, String origin, Object event) {
        long tokens = 0;
        double cost = 0.0;
        if (result instanceof EffectResult.LlmAnswered llm) {
            tokens = llm.inputTokens() + llm.outputTokens();
            cost = llm.costUsd();
        }
        steps.add(new Step(number, time, role, type, invocation, actions.getOrDefault(role + "#" + invocation, ""),
                key, tokens, cost, oneLine(EffectSummary.of(result) + origin), event));
    }

    /** "Company|run" is the Company; "Role-Engineer|run" is the Engineer. */
    static String actor(String persistenceId) {
        String entity = persistenceId.substring(0, Math.max(0, persistenceId.indexOf('|')));
        return entity.startsWith("Role-") ? entity.substring("Role-".length()) : entity;
    }

    private static String message(LoggedMessage entry) {
        Message m = entry.message();
        return "#" + entry.seq() + " " + m.type() + " from " + m.sender() + ": " + m.content();
    }

    /** The whole text on one line; the table cuts it, JSON keeps it all. */
    private static String oneLine(String text) {
        return SPACES.matcher(text).replaceAll(" ").strip();
    }
}
