package dev.softwarefactory.llmgateway;

/**
 * Marker for gateway messages sent between nodes; bound to jackson-json in this module's
 * reference.conf. (runtime's JsonSerializable plays this part above; llm-gateway cannot see it.)
 */
public interface ClusterSerializable {
}
