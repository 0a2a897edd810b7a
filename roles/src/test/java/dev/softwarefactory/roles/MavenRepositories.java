package dev.softwarefactory.roles;

import java.nio.file.Path;

/** Maven repositories for tests of the Maven install: the build's own local one serves as a file mirror. */
final class MavenRepositories {
    private MavenRepositories() {
    }

    /** The local repository this build resolved into (~/.m2/repository unless maven.repo.local says otherwise). */
    static Path local() {
        String configured = System.getProperty("maven.repo.local");
        return configured != null ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
    }
}
