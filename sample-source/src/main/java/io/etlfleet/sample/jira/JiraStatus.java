package io.etlfleet.sample.jira;

import java.util.List;

/**
 * A workflow status with its category ({@code new}, {@code indeterminate}, {@code done}), as
 * Jira's {@code status} object carries it.
 */
public record JiraStatus(String id, String name, int categoryId, String categoryKey, String categoryName,
        String colorName) {

    public static final JiraStatus TO_DO = new JiraStatus("10000", "To Do", 2, "new", "To Do", "blue-gray");
    public static final JiraStatus IN_PROGRESS = new JiraStatus("3", "In Progress", 4, "indeterminate", "In Progress", "yellow");
    public static final JiraStatus IN_REVIEW = new JiraStatus("10001", "In Review", 4, "indeterminate", "In Progress", "yellow");
    public static final JiraStatus DONE = new JiraStatus("10002", "Done", 3, "done", "Done", "green");

    /** The fake's one workflow, in order; after Done an issue is reopened to To Do. */
    public static final List<JiraStatus> WORKFLOW = List.of(TO_DO, IN_PROGRESS, IN_REVIEW, DONE);

    static JiraStatus named(String name) {
        return WORKFLOW.stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no status named " + name + "; known: "
                        + WORKFLOW.stream().map(JiraStatus::name).toList()));
    }

    JiraStatus next() {
        return WORKFLOW.get((WORKFLOW.indexOf(this) + 1) % WORKFLOW.size());
    }
}
