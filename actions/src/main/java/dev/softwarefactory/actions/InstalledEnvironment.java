package dev.softwarefactory.actions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a project's environment held when its tests passed, as {@link ProjectEnvironment#describe()}
 * prints it: the language, its version, and every installed package with its version.
 */
public record InstalledEnvironment(String language, String version, Map<String, String> packages) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public InstalledEnvironment {
        packages = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(packages));
    }

    /** The description a describe command printed (its last line), or empty when it is not one. */
    public static Optional<InstalledEnvironment> parse(String output) {
        String last = DependencyReport.lastLine(output);
        try {
            JsonNode node = JSON.readTree(last);
            if (node == null || !node.path("language").isTextual() || !node.path("packages").isObject()) {
                return Optional.empty();
            }
            Map<String, String> packages = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = node.get("packages").fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                packages.put(field.getKey(), field.getValue().asText());
            }
            return Optional.of(new InstalledEnvironment(node.get("language").asText(), node.path("version").asText(""),
                    packages));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** True for whole JSON: a file read back through a command's capped output may be cut. */
    static boolean isJson(String text) {
        try {
            JSON.readTree(text);
            return true;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /** One JSON object, as the summary records it. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
