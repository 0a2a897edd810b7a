package dev.softwarefactory.runtime;

import akka.actor.typed.ActorRef;
import akka.actor.typed.eventstream.EventStream;
import akka.actor.typed.javadsl.ActorContext;
import akka.cluster.sharding.typed.javadsl.EntityRef;
import dev.softwarefactory.runtime.RoleActor.ActionCrashed;
import dev.softwarefactory.runtime.RoleActor.ActionFinished;
import dev.softwarefactory.runtime.RoleActor.AskFailed;
import dev.softwarefactory.runtime.RoleActor.Command;
import dev.softwarefactory.runtime.RoleActor.Published;
import dev.softwarefactory.runtime.RoleActor.Running;
import dev.softwarefactory.runtime.RoleActor.State;
import dev.softwarefactory.runtime.action.Action;
import dev.softwarefactory.runtime.action.ActionInput;
import dev.softwarefactory.runtime.action.Draft;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A role's actions outside its actor: each runs on the action threads (it may take minutes and must
 * not block the actor) and reports back by message; its outputs go to the Company, and progress to
 * the event stream.
 */
final class ActionRunner {
    private final ActorContext<Command> context;
    private final String runId;
    private final RoleDefinition role;
    private final RoleServices services;
    private final EntityRef<Company.Command> company;
    private final EffectSource effectSource;

    ActionRunner(ActorContext<Command> context, String runId, RoleDefinition role, RoleServices services,
            EntityRef<Company.Command> company) {
        this.context = context;
        this.runId = runId;
        this.role = role;
        this.services = services;
        this.company = company;
        this.effectSource = new EffectSource(context.getSystem(), company, role.name(), services.askTimeout());
    }

    /** Runs the started action; it ends with ActionFinished or ActionCrashed sent to the role. */
    void launch(State state, Running running) {
        Action action = role.action(running.action);
        List<Message> triggers = state.observed.stream().filter(m -> running.inputIds.contains(m.id())).toList();
        ActionInput input = new ActionInput(triggers, List.copyOf(state.observed));
        DurableActionContext actionContext = new DurableActionContext(runId, role.name(), running.invocation,
                running.effects, running.replayed, state.llmCounts, context.getSelf(), services,
                new RunBudget(context.getSystem(), company, role.name(), running.invocation, services.askTimeout()),
                effectSource);
        ActorRef<Command> self = context.getSelf();
        long invocation = running.invocation;
        progress(new Progress.ActionStarted(runId, role.name(), invocation, action.name()));
        CompletableFuture.supplyAsync(() -> {
            try {
                return action.run(input, actionContext);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, services.actionThreads()).whenComplete((drafts, error) -> self.tell(error == null
                ? new ActionFinished(invocation, List.copyOf(drafts))
                : new ActionCrashed(invocation, reason(error))));
    }

    /** The messages of an action's drafts; ids of role, invocation and position are unique in the run. */
    List<Message> outputs(Running running, List<Draft> drafts) {
        List<Message> outputs = new ArrayList<>();
        String cause = running.inputIds.isEmpty() ? null : running.inputIds.get(running.inputIds.size() - 1);
        for (int i = 0; i < drafts.size(); i++) {
            Draft draft = drafts.get(i);
            outputs.add(new Message(runId + "/" + role.name() + "/" + running.invocation + "/" + (i + 1), runId,
                    draft.type(), role.name(), draft.recipients(), cause, draft.content()));
        }
        return outputs;
    }

    /** Hands the completed action's outputs to the Company; the role hears Published or AskFailed. */
    void publish(Running running) {
        long invocation = running.invocation;
        context.ask(Company.PublishAck.class, company, services.askTimeout(),
                replyTo -> new Company.Publish(role.name(), invocation, running.action, running.outputs,
                        running.usage, replyTo),
                (ack, error) -> ack != null ? new Published(invocation, ack.runOpen()) : new AskFailed("publish"));
    }

    void progress(Progress event) {
        context.getSystem().eventStream().tell(new EventStream.Publish<>(event));
    }

    /** The first line of what went wrong, unwrapped from the future that carried it. */
    static String reason(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        String text = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return text.lines().findFirst().orElse(text);
    }
}
