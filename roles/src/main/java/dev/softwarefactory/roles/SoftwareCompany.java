package dev.softwarefactory.roles;

import com.typesafe.config.ConfigFactory;
import dev.softwarefactory.actions.FixLoopDetector;
import dev.softwarefactory.actions.MessageTypes;
import dev.softwarefactory.actions.MutationCheck;
import dev.softwarefactory.actions.PackageSources;
import dev.softwarefactory.runtime.Message;
import dev.softwarefactory.runtime.RoleDefinition;
import dev.softwarefactory.runtime.Sop;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The default SOP: requirement, PRD, design, tasks, code and review, tests (with fixes until green),
 * then the README and dependency file; done when the project is delivered, failed when the same test
 * failure comes back after two fixes.
 */
public final class SoftwareCompany implements Sop {
    private final List<RoleDefinition> roles;

    /**
     * With every installer using its own configuration (pip.conf, Maven's settings, .npmrc) and the
     * mutation check's defaults (those of {@code reference.conf}).
     */
    public SoftwareCompany(Duration testTimeout) {
        this(testTimeout, PackageSources.installerDefaults());
    }

    /** With the mutation check's defaults (those of {@code reference.conf}). */
    public SoftwareCompany(Duration testTimeout, PackageSources sources) {
        this(testTimeout, sources, MutationCheck.Settings.fromConfig(
                ConfigFactory.defaultReference().getConfig("software-factory.mutation")));
    }

    /** {@code sources}: where dependency installs fetch packages from. */
    public SoftwareCompany(Duration testTimeout, PackageSources sources, MutationCheck.Settings mutation) {
        this.roles = List.of(new ProductManager(), new Architect(), new ProjectManager(), new Engineer(),
                new QaEngineer(testTimeout, sources, mutation));
    }

    @Override
    public List<RoleDefinition> roles() {
        return roles;
    }

    @Override
    public Optional<String> completes(Message message) {
        if (message.type().equals(MessageTypes.DELIVERY)) {
            return Optional.of("the project's tests pass and it is delivered");
        }
        return Optional.empty();
    }

    /** A fix loop ends the run: the same failure after two fixes will not go away with a third. */
    @Override
    public Optional<String> stops(Message message, List<Message> log) {
        return FixLoopDetector.stuck(message, log);
    }
}
