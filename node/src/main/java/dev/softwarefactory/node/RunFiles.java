package dev.softwarefactory.node;

import dev.softwarefactory.runtime.RoleActor;
import dev.softwarefactory.runtime.action.EffectResult;
import dev.softwarefactory.runtime.replay.Step;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A run's workspace as its journal's file effects tell it, at its end or as of any step: the journal
 * is the truth, so this reads nothing from disk and is the same on every node.
 */
public final class RunFiles {
    /**
     * A file of the workspace: its size in bytes, the step and role of its last write, and every write
     * of it up to then (its versions, oldest first).
     */
    public record Entry(String path, long size, long step, String role, List<Written> versions) {
    }

    /** One write of a file: the step and the role that made it. */
    public record Written(long step, String role) {
    }

    /** A file's content as of a step. */
    public record Version(String path, long step, String role, String content) {
    }

    private final List<Step> steps;

    RunFiles(List<Step> steps) {
        this.steps = steps;
    }

    /** Every file as of step {@code at} (the last step when {@code at} is 0), by path. */
    public List<Entry> tree(long at) {
        Map<String, List<Written>> writes = new TreeMap<>();
        forEachWrite(at, (step, file) -> writes.computeIfAbsent(file.path(), p -> new ArrayList<>())
                .add(new Written(step.number(), step.role())));
        List<Entry> entries = new ArrayList<>();
        latest(at).values().forEach(v -> entries.add(new Entry(v.path(), v.content().getBytes(
                StandardCharsets.UTF_8).length, v.step(), v.role(), writes.get(v.path()))));
        return entries;
    }

    /** One file as of a step (0: its last version); a path outside the workspace or never written is refused. */
    public Version file(String path, long at) {
        String clean = checked(path);
        Version version = latest(at).get(clean);
        if (version == null) {
            throw UserError.notFound("no file " + clean + " in the workspace" + (at > 0 ? " at step " + at : ""));
        }
        return version;
    }

    /** Writes the workspace as of the run's last step as a zip. */
    public void zip(OutputStream out) {
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Version version : latest(0).values()) {
                zip.putNextEntry(new ZipEntry(version.path()));
                zip.write(version.content().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Version> latest(long at) {
        Map<String, Version> files = new TreeMap<>();
        forEachWrite(at, (step, file) -> files.put(file.path(),
                new Version(file.path(), step.number(), step.role(), file.content())));
        return files;
    }

    private void forEachWrite(long at, BiConsumer<Step, EffectResult.FileWritten> write) {
        for (Step step : steps) {
            if (at > 0 && step.number() > at) {
                break;
            }
            EffectResult result = step.event() instanceof RoleActor.EffectRecorded e ? e.result()
                    : step.event() instanceof RoleActor.EffectReplayed e ? e.result() : null;
            if (result instanceof EffectResult.FileWritten file) {
                write.accept(step, file);
            }
        }
    }

    /** A relative path that stays inside the workspace, with no . or .. segments. */
    static String checked(String path) {
        if (path == null || path.isBlank() || path.startsWith("/") || path.contains("\\") || path.contains("\0")) {
            throw new UserError("bad file path '" + path + "': give a path relative to the workspace");
        }
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new UserError("bad file path '" + path + "': it must stay inside the workspace");
            }
        }
        return path;
    }
}
