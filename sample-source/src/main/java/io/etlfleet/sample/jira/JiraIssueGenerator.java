package io.etlfleet.sample.jira;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Makes plausible issues from a seeded random source: same seed and calls, same data. */
final class JiraIssueGenerator {

    static final List<JiraUser> USERS = List.of(
            new JiraUser("5b10a2844c20165700ede21g", "mia", "Mia Krystof", "mia@example.com"),
            new JiraUser("5b10ac8d82e05b22cc7d4ef5", "emma", "Emma Richards", "emma@example.com"),
            new JiraUser("5b109f2e9729b51b54dc274d", "noah", "Noah Okafor", "noah@example.com"),
            new JiraUser("5b10a0effa615349cb016cd8", "lena", "Lena Park", "lena@example.com"));

    private static final String[] TYPES = {"Task", "Bug", "Story"};
    private static final String[] PRIORITIES = {"Highest", "High", "Medium", "Low", "Lowest"};
    private static final String[] LABELS = {"backend", "frontend", "customer", "tech-debt", "security"};
    private static final String[] VERBS = {"Fix", "Add", "Improve", "Remove", "Document", "Migrate"};
    private static final String[] THINGS = {"login flow", "export to CSV", "billing page", "search index",
        "webhook retries", "audit log", "error messages", "release notes"};

    private final Random random;

    JiraIssueGenerator(long seed) {
        this.random = new Random(seed);
    }

    long gapSeconds() {
        return 30 + random.nextInt(570);
    }

    /** Status changes a new issue goes through after creation: 0 to 4. */
    int transitions() {
        return random.nextInt(5);
    }

    JiraUser user() {
        return USERS.get(random.nextInt(USERS.size()));
    }

    String summary() {
        return VERBS[random.nextInt(VERBS.length)] + " " + THINGS[random.nextInt(THINGS.length)];
    }

    String description(String summary) {
        return summary + " as discussed.\nSteps: open the page, try it, see it fail.";
    }

    String issueType() {
        return TYPES[random.nextInt(TYPES.length)];
    }

    String priority() {
        return PRIORITIES[random.nextInt(PRIORITIES.length)];
    }

    JiraUser assigneeOrNull() {
        return random.nextInt(4) == 0 ? null : user();
    }

    List<String> labels() {
        List<String> labels = new ArrayList<>();
        for (String label : LABELS) {
            if (random.nextInt(4) == 0) {
                labels.add(label);
            }
        }
        return labels;
    }
}
