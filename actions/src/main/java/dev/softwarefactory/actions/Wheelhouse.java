package dev.softwarefactory.actions;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A folder of small pure-Python wheels built here, for pip's {@code --no-index --find-links}: how a
 * user with an offline mirror installs, with no package index and no network. Tests and {@code bench
 * env} use it. Make it under {@code parent}, not under /tmp, which sandboxed commands see as their own
 * empty folder; closing it deletes it.
 */
public final class Wheelhouse implements AutoCloseable {
    private final Path folder;

    public Wheelhouse(Path parent) {
        try {
            Files.createDirectories(parent);
            this.folder = Files.createTempDirectory(parent.toAbsolutePath(), "wheelhouse-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path folder() {
        return folder;
    }

    /** Adds a pure-Python wheel holding one package {@code module} whose __init__.py is {@code source}. */
    public Wheelhouse add(String name, String version, String module, String source) {
        String distInfo = name + "-" + version + ".dist-info/";
        Map<String, String> files = new LinkedHashMap<>();
        files.put(module + "/__init__.py", source);
        files.put(distInfo + "METADATA", "Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version + "\n");
        files.put(distInfo + "WHEEL", "Wheel-Version: 1.0\nGenerator: software-factory-test\nRoot-Is-Purelib: true\n"
                + "Tag: py3-none-any\n");
        StringBuilder record = new StringBuilder();
        files.forEach((path, text) -> record.append(path).append(",sha256=").append(digest(text)).append(',')
                .append(text.getBytes(StandardCharsets.UTF_8).length).append('\n'));
        files.put(distInfo + "RECORD", record.append(distInfo).append("RECORD,,\n").toString());
        Path wheel = folder.resolve(name + "-" + version + "-py3-none-any.whl");
        try (OutputStream out = Files.newOutputStream(wheel); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
