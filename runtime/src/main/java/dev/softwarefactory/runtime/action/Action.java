package dev.softwarefactory.runtime.action;

import java.util.List;

/**
 * Plain code that talks to the world only through its {@link ActionContext}, so that running it
 * again serves every recorded effect instead of repeating it.
 */
public interface Action {
    String name();

    List<Draft> run(ActionInput input, ActionContext context) throws Exception;
}
