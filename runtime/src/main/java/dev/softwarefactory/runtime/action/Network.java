package dev.softwarefactory.runtime.action;

/** Whether a command an action runs may use the network. */
public enum Network {
    /** No network at all: how builds and tests run. */
    NONE,
    /** Network allowed, e.g. to install pinned dependencies into a project-local environment. */
    ALLOWED
}
