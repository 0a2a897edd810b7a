package dev.softwarefactory.actions;

/** The message types of the software company: the topics roles watch. */
public final class MessageTypes {
    public static final String PRD = "Prd";
    public static final String SYSTEM_DESIGN = "SystemDesign";
    public static final String TASK_LIST = "TaskList";
    public static final String CODE_CHANGE = "CodeChange";
    public static final String CODE_REVIEW = "CodeReview";
    public static final String TEST_CODE = "TestCode";
    public static final String TEST_REPORT = "TestReport";
    public static final String BUG_REPORT = "BugReport";
    /** A dependency the project cannot install, or an import no pin provides: for the dependency list's owner. */
    public static final String DEPENDENCY_PROBLEM = "DependencyProblem";
    public static final String TEST_CHANGE_REQUEST = "TestChangeRequest";
    public static final String DELIVERY = "Delivery";
    /** What the project's environment held when it was delivered (JSON): for the run's summary. */
    public static final String ENVIRONMENT = "Environment";

    private MessageTypes() {
    }
}
