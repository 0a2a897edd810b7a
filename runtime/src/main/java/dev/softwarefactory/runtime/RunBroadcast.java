package dev.softwarefactory.runtime;

import akka.actor.typed.ActorRef;
import akka.actor.typed.eventstream.EventStream;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.pubsub.Topic;
import akka.cluster.sharding.typed.javadsl.ClusterSharding;
import java.util.List;

/** What a Company tells outside its journal: logged messages to the run topic and progress, and its roles. */
final class RunBroadcast {
    private final ActorContext<?> context;
    private final String runId;
    private final ClusterSharding sharding;
    private final ActorRef<Topic.Command<LoggedMessage>> topic;

    RunBroadcast(ActorContext<?> context, String runId) {
        this.context = context;
        this.runId = runId;
        this.sharding = ClusterSharding.get(context.getSystem());
        // Started with the Company: a topic learns its subscribers some time after it starts.
        this.topic = context.spawn(Topic.create(LoggedMessage.class, Company.topicName(runId)), "topic");
    }

    void publish(LoggedMessage entry) {
        String type = entry.message().type();
        topic.tell(Topic.publish(entry));
        context.getSystem().eventStream().tell(new EventStream.Publish<>(
                new Progress.MessagePublished(runId, entry.seq(), type, entry.message().sender(),
                        headline(entry.message().content()))));
    }

    /** Tells each role (starting its entity where it is not running). */
    void toRoles(List<String> roles, RoleActor.Command command) {
        for (String role : roles) {
            sharding.entityRefFor(RoleActor.key(role), runId).tell(command);
        }
    }

    private static String headline(String content) {
        String first = content.lines().findFirst().orElse("");
        return first.length() <= 300 ? first : first.substring(0, 297) + "...";
    }
}
