package dev.softwarefactory.roles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.softwarefactory.llmgateway.ScriptEntry;
import dev.softwarefactory.llmgateway.ScriptedModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in scenario of {@code demo}: a scripted model plays every role on a small Python command
 * line program whose first version has a bug that QA's tests catch and the Engineer fixes.
 */
public final class DemoScenario {
    public static final String REQUIREMENT = "Write a command-line tool that prints the most frequent words"
            + " of a text file, ignoring case and punctuation";
    /** The package {@link #withWordsplit} pins: its one module splits a text into lower-case words. */
    public static final String WORDSPLIT = "import re\n\n\ndef split_words(text):\n"
            + "    return re.findall(r\"[a-z0-9]+\", text.lower())\n";
    private static final String RESOURCE = "/scenarios/demo.json";

    private DemoScenario() {
    }

    public static ScriptedModel model() {
        return new ScriptedModel(entries(), "built-in demo scenario");
    }

    /**
     * The demo with one third-party package: the design pins wordsplit at {@code version} (a package of
     * {@link #WORDSPLIT}, from a wheelhouse), and textstats.py splits words with it, right at once.
     */
    public static List<ScriptEntry> withWordsplit(String version) {
        List<ScriptEntry> script = new ArrayList<>();
        for (ScriptEntry entry : entries()) {
            String reply = entry.reply();
            if (entry.action().equals("WriteDesign")) {
                reply = reply.replace("\"dependencies\": []", "\"dependencies\": [{\"name\": \"wordsplit\", \"version\": \""
                        + version + "\"}]");
            } else if ("textstats.py".equals(entry.target())) {
                reply = reply.replace("from collections import Counter\n",
                        "from collections import Counter\n\nfrom wordsplit import split_words\n")
                        .replace("return text.split()", "return split_words(text)");
            }
            script.add(new ScriptEntry(entry.action(), entry.target(), reply, entry.delayMs()));
        }
        return script;
    }

    public static List<ScriptEntry> entries() {
        try (InputStream in = DemoScenario.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            List<ScriptEntry> entries = new ArrayList<>();
            for (JsonNode node : new ObjectMapper().readTree(in)) {
                entries.add(new ScriptEntry(node.get("action").asText(),
                        node.hasNonNull("target") ? node.get("target").asText() : null,
                        node.get("reply").asText(), node.path("delayMs").asLong(0)));
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
