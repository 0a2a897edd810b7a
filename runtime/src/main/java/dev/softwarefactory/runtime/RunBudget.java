package dev.softwarefactory.runtime;

import akka.cluster.sharding.typed.javadsl.EntityRef;
import java.time.Duration;
import java.util.concurrent.CompletionException;

/**
 * The run's budget as one action sees it: before each live model call the Company is asked whether
 * the run may still spend, and after it the call's cost is reported, so a long action cannot spend
 * past the limit between two accountings.
 */
final class RunBudget {
    private final EntityRef<Company.Command> company;
    private final String role;
    private final long invocation;
    private final Duration askTimeout;

    RunBudget(EntityRef<Company.Command> company, String role, long invocation, Duration askTimeout) {
        this.company = company;
        this.role = role;
        this.invocation = invocation;
        this.askTimeout = askTimeout;
    }

    /** Returns when the call may start; throws {@link BudgetRefused} when the run may not spend more. */
    void admit(String action) {
        Company.Admission admission;
        try {
            admission = company.<Company.Admission>ask(
                    replyTo -> new Company.AdmitModelCall(role, invocation, action, replyTo), askTimeout)
                    .toCompletableFuture().join();
        } catch (CompletionException e) {
            throw new IllegalStateException("the run did not answer whether " + action
                    + " may call the model: " + e.getCause().getMessage(), e.getCause());
        }
        if (!admission.admitted()) {
            throw new BudgetRefused(admission.reason());
        }
    }

    void charge(double costUsd) {
        if (costUsd > 0) {
            company.tell(new Company.ChargeModelCall(role, invocation, costUsd));
        }
    }

    /** A model call the run's budget (or its end) did not allow. */
    static final class BudgetRefused extends RuntimeException {
        BudgetRefused(String reason) {
            super(reason);
        }
    }
}
