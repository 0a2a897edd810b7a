package dev.softwarefactory.actions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Scripts that commands run (shell, Python, JavaScript) are resource files, passed to their interpreter. */
final class ScriptResources {
    private ScriptResources() {
    }

    static String text(String path) {
        try (InputStream in = ScriptResources.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
