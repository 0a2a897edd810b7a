package dev.softwarefactory.node;

/**
 * A run that a node has started or resumed: its id, its model, its workspace on that node, and the
 * id of the feed's last event before this start (0 for a new run): what follows it is this start's.
 */
public record StartedRun(String id, String model, String workspace, long after) {
}
