package dev.softwarefactory.runtime;

import akka.actor.typed.ActorSystem;
import akka.cluster.sharding.typed.javadsl.EntityRef;
import java.time.Duration;

/**
 * The run's budget as one action sees it: before each live model call the Company is asked whether
 * the run may still spend, and once its answer is recorded the call is counted by the Company, so a
 * long action cannot spend past the limit and a failing one's calls are not lost.
 */
final class RunBudget {
    private final ActorSystem<?> system;
    private final EntityRef<Company.Command> company;
    private final String role;
    private final long invocation;
    private final Duration askTimeout;

    RunBudget(ActorSystem<?> system, EntityRef<Company.Command> company, String role, long invocation,
            Duration askTimeout) {
        this.system = system;
        this.company = company;
        this.role = role;
        this.invocation = invocation;
        this.askTimeout = askTimeout;
    }

    /** Returns when the call may start; throws {@link BudgetRefused} when the run may not spend more. */
    void admit(String action) {
        Company.Admission admission = CompanyQuestion.<Company.Admission>ask(system, company,
                replyTo -> new Company.AdmitModelCall(role, invocation, action, replyTo), askTimeout,
                "the run did not answer whether " + action + " may call the model");
        if (!admission.admitted()) {
            throw new BudgetRefused(admission.reason());
        }
    }

    /**
     * Counts a model call whose answer is recorded; the budget, the run's summary and its catalog entry
     * all read that one count. Told, not asked: a slow Company (a cold node resuming) must not fail the
     * action over bookkeeping, and a count lost to a crash is sent again when the action is relaunched
     * (the Company counts each key once). It reaches the Company before the action's next admission and
     * its publication, which are sent after it through the same shard region.
     */
    void account(String key, Usage usage) {
        company.tell(new Company.AccountModelCall(role, invocation, key, usage));
    }

    /** A model call the run's budget (or its end) did not allow. */
    static final class BudgetRefused extends RuntimeException {
        BudgetRefused(String reason) {
            super(reason);
        }
    }
}
