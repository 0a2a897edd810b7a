package dev.softwarefactory.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "example", mixinStandardHelpOptions = true,
        description = "Print the documented example of model backends, aliases and role aliases (llm-example.conf),"
                + " to copy into conf/application.conf.")
final class LlmExampleCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        try (InputStream example = LlmExampleCommand.class.getResourceAsStream("/llm-example.conf")) {
            if (example == null) {
                throw new IllegalStateException("llm-example.conf is missing from this build");
            }
            System.out.write(example.readAllBytes());
            System.out.flush();
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot print llm-example.conf: " + e.getMessage(), e);
        }
    }
}
