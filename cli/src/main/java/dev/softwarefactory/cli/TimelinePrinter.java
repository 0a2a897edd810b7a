package dev.softwarefactory.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.softwarefactory.runtime.Company;
import dev.softwarefactory.runtime.LoggedMessage;
import dev.softwarefactory.runtime.RoleActor;
import dev.softwarefactory.runtime.action.EffectResult;
import dev.softwarefactory.runtime.replay.Step;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** Prints timeline steps: as a table, as JSON lines, or one step in full. */
public final class TimelinePrinter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());
    private static final String ROW = "%5s %-12s %-15s %-17s %-13s %-24s %7s %8s  %s%n";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SUMMARY_CHARS = 80;
    private final PrintWriter out;

    public TimelinePrinter(PrintWriter out) {
        this.out = out;
    }

    public void header() {
        out.printf(ROW, "STEP", "TIME", "ROLE", "EVENT", "ACTION", "KEY", "TOKENS", "COST", "SUMMARY");
    }

    /** Padded by hand: String.format per row is the slowest part of printing a long timeline. */
    public void row(Step step) {
        StringBuilder line = new StringBuilder(160);
        right(line, Long.toString(step.number()), 5).append(' ');
        left(line, TIME.format(Instant.ofEpochMilli(step.timestamp())), 12).append(' ');
        left(line, step.role(), 15).append(' ');
        left(line, step.type(), 17).append(' ');
        left(line, step.action(), 13).append(' ');
        left(line, step.effectKey(), 24).append(' ');
        right(line, step.tokens() == 0 ? "" : Long.toString(step.tokens()), 7).append(' ');
        right(line, step.costUsd() == 0 ? "" : String.format("$%.4f", step.costUsd()), 8).append("  ");
        String summary = step.summary();
        out.println(line.append(Terminal.safe(summary.length() > SUMMARY_CHARS
                ? summary.substring(0, SUMMARY_CHARS - 3) + "..." : summary)));
    }

    private static StringBuilder left(StringBuilder line, String text, int width) {
        line.append(text);
        for (int i = text.length(); i < width; i++) {
            line.append(' ');
        }
        return line;
    }

    private static StringBuilder right(StringBuilder line, String text, int width) {
        for (int i = text.length(); i < width; i++) {
            line.append(' ');
        }
        return line.append(text);
    }

    void json(Step step) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("step", step.number());
        line.put("time", Instant.ofEpochMilli(step.timestamp()).toString());
        line.put("role", step.role());
        line.put("event", step.type());
        line.put("invocation", step.invocation());
        line.put("action", step.action());
        line.put("key", step.effectKey());
        line.put("tokens", step.tokens());
        line.put("cost_usd", step.costUsd());
        line.put("summary", step.summary());
        out.println(write(line));
    }

    /** Everything a step holds: a model call's prompt and answer, a file's content, a command's output. */
    void full(Step step) {
        out.printf("step %d  %s  %s  %s%s%n", step.number(), Instant.ofEpochMilli(step.timestamp()), step.role(),
                step.type(), step.action().isEmpty() ? "" : "  " + step.action() + " #" + step.invocation());
        Object event = step.event();
        if (event instanceof RoleActor.EffectRecorded e) {
            effect(e.key(), e.result());
        } else if (event instanceof RoleActor.EffectReplayed e) {
            out.printf("served from run %s step %d%n", e.sourceRun(), e.sourceStep());
            effect(e.key(), e.result());
        } else if (event instanceof Company.MessagePublished e) {
            message(e.entry());
        } else if (event instanceof RoleActor.MessageObserved e) {
            message(e.entry());
        } else {
            out.println(Terminal.safe(pretty(event)));
        }
    }

    private void effect(String key, EffectResult result) {
        out.println("effect " + key);
        if (result instanceof EffectResult.LlmAnswered llm) {
            out.printf("model %s on %s, %d tokens in, %d out, $%.4f, %d ms%n", llm.model(), llm.backend(),
                    llm.inputTokens(), llm.outputTokens(), llm.costUsd(), llm.latencyMillis());
            out.println("--- prompt ---");
            out.println(Terminal.safe(llm.prompt()));
            out.println("--- answer ---");
            out.println(Terminal.safe(llm.text()));
        } else if (result instanceof EffectResult.FileWritten file) {
            out.println("--- " + file.path() + " ---");
            out.print(Terminal.safe(file.content()));
            out.println();
        } else if (result instanceof EffectResult.CommandExited exec) {
            out.println("$ " + Terminal.safe(String.join(" ", exec.command())));
            out.printf("%s in %d ms%n", exec.timedOut() ? "timed out" : "exit " + exec.exitCode(),
                    exec.durationMillis());
            out.println("--- output ---");
            out.println(Terminal.safe(exec.output()));
        } else {
            out.println(Instant.ofEpochMilli(((EffectResult.TimeRead) result).epochMillis()));
        }
    }

    private void message(LoggedMessage entry) {
        var m = entry.message();
        out.printf("message #%d %s (id %s) from %s%s%n", entry.seq(), m.type(), m.id(), m.sender(),
                m.causedBy() == null ? "" : ", caused by " + m.causedBy());
        out.println("---");
        out.println(Terminal.safe(m.content()));
    }

    private static String pretty(Object value) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }
}
