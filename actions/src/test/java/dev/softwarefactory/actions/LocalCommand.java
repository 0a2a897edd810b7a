package dev.softwarefactory.actions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a check command of a generated project in a folder, as the sandbox would, for the check scripts' tests. */
record LocalCommand(int exitCode, String output) {

    static LocalCommand run(Path dir, List<String> command) {
        hostPythonAsVenv(dir);
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the command did not end: " + command.get(0));
            }
            return new LocalCommand(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The project's venv as the checks expect it (.sf/venv/bin/python), here the host's python3. */
    static void hostPythonAsVenv(Path dir) {
        try {
            Path python = dir.resolve(".sf/venv/bin/python");
            if (!Files.exists(python, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(python.getParent());
                String host = new String(new ProcessBuilder("sh", "-c", "command -v python3").start().getInputStream()
                        .readAllBytes(), StandardCharsets.UTF_8).strip();
                Files.createSymbolicLink(python, Path.of(host));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path dir, Map<String, String> files) {
        try {
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path path = dir.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
