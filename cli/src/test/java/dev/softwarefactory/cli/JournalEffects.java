package dev.softwarefactory.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.softwarefactory.runtime.journal.PostgresJournal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The effects recorded in a PostgreSQL journal, read straight from its table (not through a node), so
 * that a test sees what was really written.
 */
final class JournalEffects {
    private static final String EFFECT_RECORDED = "dev.softwarefactory.runtime.RoleActor$EffectRecorded";

    /**
     * One recorded effect: the role actor's persistence id ({@code Role-NAME|RUN}), its sequence number
     * and write time, the action invocation and effect key; for a model call its action and target.
     */
    record Effect(String persistenceId, long sequenceNr, long writtenAt, long invocation, String key, String llmAction,
            String llmTarget) {
        String role() {
            return persistenceId.substring("Role-".length(), persistenceId.indexOf('|'));
        }

        String runId() {
            return persistenceId.substring(persistenceId.indexOf('|') + 1);
        }
    }

    private JournalEffects() {
    }

    /** Every EffectRecorded event, in persistence id and sequence order. */
    static List<Effect> read(PostgresJournal journal) {
        List<Effect> effects = new ArrayList<>();
        try (Connection connection = journal.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT persistence_id, sequence_number, write_timestamp,"
                        + " event_payload FROM event_journal WHERE event_ser_manifest LIKE '" + EFFECT_RECORDED
                        + "%' ORDER BY persistence_id, sequence_number")) {
            while (rows.next()) {
                JsonNode event = ClusterNode.JSON.readTree(payload(rows.getBytes(4)));
                JsonNode result = event.get("result");
                boolean llm = "llm".equals(result.path("kind").asText());
                effects.add(new Effect(rows.getString(1), rows.getLong(2), rows.getLong(3),
                        event.get("invocation").asLong(), event.get("key").asText(),
                        llm ? result.get("action").asText() : null,
                        llm ? (result.get("target").isNull() ? null : result.get("target").asText()) : null));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the journal: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return effects;
    }

    /**
     * When each model call was recorded, by the key the gateway sends with the call (run, role,
     * action, target, ordinal; see CallKeeper.entityId): the ordinal is the call's count among its
     * role's recorded calls for the same action and target.
     */
    static Map<String, Long> llmRecordedAt(List<Effect> effects) {
        Map<String, Long> recorded = new HashMap<>();
        Map<String, Integer> ordinals = new HashMap<>();
        for (Effect effect : effects) {
            if (effect.llmAction() != null) {
                String call = String.join("|", effect.runId(), effect.role(), effect.llmAction(),
                        String.valueOf(effect.llmTarget()));
                int ordinal = ordinals.merge(call, 1, Integer::sum);
                recorded.put(call + "|" + ordinal, effect.writtenAt());
            }
        }
        return recorded;
    }

    /** Jackson's serializer gzips large payloads. */
    private static byte[] payload(byte[] bytes) throws IOException {
        if (bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                return in.readAllBytes();
            }
        }
        return bytes;
    }
}
