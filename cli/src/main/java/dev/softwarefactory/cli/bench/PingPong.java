package dev.softwarefactory.cli.bench;

import dev.softwarefactory.runtime.Message;
import dev.softwarefactory.runtime.RoleDefinition;
import dev.softwarefactory.runtime.RoleMemory;
import dev.softwarefactory.runtime.Sop;
import dev.softwarefactory.runtime.action.Action;
import dev.softwarefactory.runtime.action.ActionContext;
import dev.softwarefactory.runtime.action.ActionInput;
import dev.softwarefactory.runtime.action.Draft;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Two roles that answer each other: each message carries the nanoTime at which its action returned,
 * and the watching role's action notes how long it took to get there (publish, log, topic, observe).
 */
final class PingPong implements Sop {
    private final int exchanges;
    private final Queue<Long> latenciesNanos;
    private final String node;
    private final Map<String, String> hosts;

    PingPong(int exchanges, Queue<Long> latenciesNanos) {
        this(exchanges, latenciesNanos, "", new ConcurrentHashMap<>());
    }

    /** On several nodes of one JVM: {@code hosts} tells which node ran each role's last action. */
    PingPong(int exchanges, Queue<Long> latenciesNanos, String node, Map<String, String> hosts) {
        this.exchanges = exchanges;
        this.latenciesNanos = latenciesNanos;
        this.node = node;
        this.hosts = hosts;
    }

    @Override
    public List<RoleDefinition> roles() {
        return List.of(new Player("Ping", Set.of(Message.REQUIREMENT, "Pong"), "Ping"),
                new Player("Pong", Set.of("Ping"), "Pong"));
    }

    @Override
    public Optional<String> completes(Message message) {
        return Integer.parseInt(message.content().split(" ")[0]) >= exchanges
                ? Optional.of(exchanges + " exchanges") : Optional.empty();
    }

    private final class Player implements RoleDefinition, Action {
        private final String name;
        private final Set<String> watches;
        private final String sends;

        Player(String name, Set<String> watches, String sends) {
            this.name = name;
            this.watches = watches;
            this.sends = sends;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String profile() {
            return "benchmark player";
        }

        @Override
        public Set<String> watches() {
            return watches;
        }

        @Override
        public List<Action> actions() {
            return List.of(this);
        }

        @Override
        public Optional<Plan> next(RoleMemory memory) {
            return memory.unconsumed().stream().findFirst().map(m -> new Plan(name, List.of(m.id())));
        }

        @Override
        public List<Draft> run(ActionInput input, ActionContext context) {
            Message trigger = input.triggers().get(0);
            hosts.put(name, node);
            int count = 0;
            if (!trigger.type().equals(Message.REQUIREMENT)) {
                String[] parts = trigger.content().split(" ");
                latenciesNanos.add(System.nanoTime() - Long.parseLong(parts[1]));
                count = Integer.parseInt(parts[0]);
            }
            return List.of(Draft.of(sends, (count + 1) + " " + System.nanoTime()));
        }
    }
}
