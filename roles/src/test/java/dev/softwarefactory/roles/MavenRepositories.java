package dev.softwarefactory.roles;

import dev.softwarefactory.llmgateway.ScriptEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Maven repositories for tests of the Maven install, which runs against a file:// repository as its mirror. */
final class MavenRepositories {
    private MavenRepositories() {
    }

    /** The pom that a script's answer for pom.xml holds. */
    static String pomOf(List<ScriptEntry> script) {
        String answer = script.stream().filter(e -> "pom.xml".equals(e.target())).findFirst().orElseThrow().reply();
        return answer.substring(answer.indexOf("<?xml"), answer.indexOf("</project>") + "</project>".length());
    }

    /** Deletes a repository that {@link #resolvedFor} made, with the folder it made for it. */
    static void delete(Path repository) {
        try (Stream<Path> paths = Files.walk(repository.getParent())) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The local repository this build resolved into (~/.m2/repository unless maven.repo.local says otherwise). */
    static Path local() {
        String configured = System.getProperty("maven.repo.local");
        return configured != null ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    /**
     * A new repository folder that sandboxed commands see ({@link SandboxVisible}) holding
     * everything the test phase of {@code pom} with {@code probeTest} needs: a real mvn resolves it from
     * the build's own local repository first, and from Maven Central what that lacks.
     */
    static Path resolvedFor(String pom, String probeTest) {
        return resolvedFor(pom, probeTest, List.of("test"));
    }

    /** A repository like {@link #resolvedFor(String, String)} with what {@code goals} of the pom need. */
    static Path resolvedFor(String pom, String probeTest, List<String> goals) {
        try {
            Path work = Files.createTempDirectory(Files.createDirectories(SandboxVisible.parent()),
                    "maven-repository-");
            Path repository = Files.createDirectories(work.resolve("repository"));
            Path project = Files.createDirectories(work.resolve("project/src/test/java/sfprobe"));
            Files.writeString(work.resolve("project/pom.xml"), pom);
            Files.writeString(project.resolve("SfProbeTest.java"), probeTest);
            String home = local().toUri().toString();
            Files.writeString(work.resolve("settings.xml"), "<settings><profiles><profile><id>home</id>"
                    + "<repositories><repository><id>home</id><url>" + home + "</url></repository></repositories>"
                    + "<pluginRepositories><pluginRepository><id>home</id><url>" + home + "</url></pluginRepository>"
                    + "</pluginRepositories></profile></profiles><activeProfiles><activeProfile>home</activeProfile>"
                    + "</activeProfiles></settings>");
            List<String> command = new ArrayList<>(List.of("mvn", "-B", "-q", "-s", work.resolve("settings.xml")
                    .toString(), "-Dmaven.repo.local=" + repository));
            command.addAll(goals);
            Process mvn = new ProcessBuilder(command).directory(work.resolve("project").toFile())
                    .redirectErrorStream(true).start();
            String output = new String(mvn.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!mvn.waitFor(5, TimeUnit.MINUTES) || mvn.exitValue() != 0) {
                throw new IllegalStateException("could not resolve the test repository: " + output);
            }
            return repository;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
