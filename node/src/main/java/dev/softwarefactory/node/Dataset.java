package dev.softwarefactory.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.softwarefactory.runtime.RoleActor;
import dev.softwarefactory.runtime.action.EffectResult.LlmAnswered;
import dev.softwarefactory.runtime.replay.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's model calls as chat-format JSONL lines (prompt, answer, role, action, model, the run's
 * outcome, whether the answer was rejected), for fine-tuning. Calls a rerun or fork was served from another run are left out: they
 * belong to the run that made them.
 */
public final class Dataset {
    /** How DurableActionContext labels a one-message prompt's only message. */
    private static final String USER_LABEL = "user: ";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Dataset() {
    }

    public static List<String> lines(SourceRun run) {
        List<String> lines = new ArrayList<>();
        Verdicts verdicts = new Verdicts(run.timeline().steps());
        for (Step step : run.timeline().steps()) {
            if (step.event() instanceof RoleActor.EffectRecorded e && e.result() instanceof LlmAnswered llm) {
                Map<String, Object> record = record(run, step, llm);
                record.put("answer_rejected", verdicts.rejected(step.role(), e.invocation(), e.key()));
                lines.add(write(record));
            }
        }
        return lines;
    }

    /** One message of the chat format; a record, so that its keys keep this order in every export. */
    private record ChatMessage(String role, String content) {
    }

    private static Map<String, Object> record(SourceRun run, Step step, LlmAnswered llm) {
        String prompt = llm.prompt().startsWith(USER_LABEL) ? llm.prompt().substring(USER_LABEL.length())
                : llm.prompt();
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("messages", List.of(new ChatMessage("user", prompt), new ChatMessage("assistant", llm.text())));
        record.put("role", step.role());
        record.put("action", llm.action());
        record.put("target", llm.target());
        record.put("model", llm.model());
        record.put("backend", llm.backend());
        record.put("run_id", run.runId());
        record.put("run_outcome", run.summary().outcome().name());
        return record;
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }
}
