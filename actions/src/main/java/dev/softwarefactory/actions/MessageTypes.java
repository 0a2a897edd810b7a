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
    public static final String TEST_CHANGE_REQUEST = "TestChangeRequest";
    public static final String DELIVERY = "Delivery";

    private MessageTypes() {
    }
}
