package dev.softwarefactory.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.Done;
import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import akka.actor.typed.javadsl.Behaviors;
import akka.cluster.sharding.typed.javadsl.ClusterSharding;
import akka.cluster.sharding.typed.javadsl.Entity;
import akka.persistence.testkit.javadsl.PersistenceTestKit;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every node that starts, and every node that sees another leave, asks each open run to resume. A
 * Company records one RunResumed per time it came back from the journal, not one per ask, and wakes
 * its roles on every ask (some may have lived on the node that left).
 */
class CompanyResumeTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final List<String> ROLES = List.of("Writer", "Reviewer");
    static ActorTestKit kit;
    static PersistenceTestKit journal;
    static TestProbe<String> woken;

    @BeforeAll
    static void startNode() {
        kit = OneNodeKit.create("company-resume-test");
        journal = PersistenceTestKit.create(kit.system());
        woken = kit.createTestProbe();
        // The roles only report that they were woken: the Company's own events are what is under test.
        for (String role : ROLES) {
            ClusterSharding.get(kit.system()).init(Entity.of(RoleActor.key(role), entity ->
                    Behaviors.<RoleActor.Command>receiveMessage(command -> {
                        if (command == RoleActor.Wake.INSTANCE) {
                            woken.getRef().tell(role);
                        }
                        return Behaviors.same();
                    })));
        }
    }

    @AfterAll
    static void stopNode() {
        kit.shutdownTestKit();
    }

    @Test
    void aCompanyThatStartedItsRunRecordsNoResumeWhenAskedToResume() {
        ActorRef<Company.Command> company = started("started-here");

        resume(company);
        resume(company);

        assertEquals(0, resumes("started-here"));
        kit.stop(company);
    }

    @Test
    void aCompanyBackFromTheJournalRecordsOneResumeHoweverManyNodesAskIt() {
        kit.stop(started("came-back"));

        ActorRef<Company.Command> back = kit.spawn(Company.create("came-back", new TestCompany()));
        resume(back);
        resume(back);
        resume(back);
        assertEquals(1, resumes("came-back"));
        kit.stop(back);

        ActorRef<Company.Command> again = kit.spawn(Company.create("came-back", new TestCompany()));
        resume(again);
        resume(again);
        assertEquals(2, resumes("came-back"), "a second recovery is a second resume");
        kit.stop(again);
    }

    private static ActorRef<Company.Command> started(String runId) {
        ActorRef<Company.Command> company = kit.spawn(Company.create(runId, new TestCompany()));
        TestProbe<Done> done = kit.createTestProbe();
        company.tell(new Company.Start(new RunConfig("write", "scripted:test", ROLES, 10, 0), done.getRef()));
        done.receiveMessage(WAIT);
        assertRolesWoken();
        return company;
    }

    /** Resumes the run and checks it answered as still running and woke every role. */
    private static void resume(ActorRef<Company.Command> company) {
        TestProbe<Company.Status> status = kit.createTestProbe();
        company.tell(new Company.Resume(status.getRef()));
        assertEquals(Outcome.RUNNING, status.receiveMessage(WAIT).outcome());
        assertRolesWoken();
    }

    private static void assertRolesWoken() {
        Set<String> roles = new HashSet<>();
        for (int i = 0; i < ROLES.size(); i++) {
            roles.add(woken.receiveMessage(WAIT));
        }
        assertTrue(roles.containsAll(ROLES), "roles woken: " + roles);
    }

    private static long resumes(String runId) {
        return journal.persistedInStorage("Company|" + runId).stream()
                .filter(Company.RunResumed.class::isInstance).count();
    }
}
