package io.etlfleet.sample.github;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Makes plausible issues and pull requests from a seeded random source, so the same seed and
 * the same calls always produce the same data.
 */
final class IssueGenerator {

    static final List<GithubUser> USERS = List.of(
            new GithubUser("octocat", 583231), new GithubUser("hubot", 480938),
            new GithubUser("monalisa", 2154), new GithubUser("defunkt", 2),
            new GithubUser("mojombo", 1), new GithubUser("pjhyett", 3));

    static final List<GithubLabel> LABELS = List.of(
            new GithubLabel(208045946, "bug", "d73a4a", "Something isn't working", true),
            new GithubLabel(208045947, "documentation", "0075ca", "Improvements or additions to documentation", true),
            new GithubLabel(208045948, "enhancement", "a2eeef", "New feature or request", true),
            new GithubLabel(208045949, "good first issue", "7057ff", "Good for newcomers", true),
            new GithubLabel(208045950, "question", "d876e3", "Further information is requested", true));

    private static final String[] VERBS = {"Fix", "Add", "Improve", "Remove", "Document", "Refactor", "Speed up"};
    private static final String[] THINGS = {"pagination", "login flow", "export to CSV", "dark mode",
        "rate limiting", "search index", "webhook retries", "release notes", "error messages", "caching"};
    private static final String[] CONTEXTS = {"on mobile", "for large repositories", "in the CLI",
        "after upgrade", "under load", "in the API", "for admins"};

    private final Random random;

    IssueGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** Seconds between two generated events, so timestamps look like a busy repository. */
    long gapSeconds() {
        return 30 + random.nextInt(570);
    }

    long closeDelaySeconds() {
        return 600 + random.nextInt(86_400);
    }

    GithubUser user() {
        return USERS.get(random.nextInt(USERS.size()));
    }

    String commitMessage() {
        return VERBS[random.nextInt(VERBS.length)] + " " + THINGS[random.nextInt(THINGS.length)] + " "
                + CONTEXTS[random.nextInt(CONTEXTS.length)];
    }

    String commentBody() {
        String[] openings = {"Thanks, this looks good.", "I can reproduce this", "Could you add a test for",
            "Fixed in the latest build:", "Is this still happening with"};
        return openings[random.nextInt(openings.length)] + " " + THINGS[random.nextInt(THINGS.length)] + " "
                + CONTEXTS[random.nextInt(CONTEXTS.length)] + ".";
    }

    GithubIssue issue(String repository, long id, int number, boolean pullRequest, Instant createdAt) {
        String title = VERBS[random.nextInt(VERBS.length)] + " " + THINGS[random.nextInt(THINGS.length)]
                + " " + CONTEXTS[random.nextInt(CONTEXTS.length)];
        GithubUser author = USERS.get(random.nextInt(USERS.size()));
        GithubUser assignee = random.nextInt(3) == 0 ? null : USERS.get(random.nextInt(USERS.size()));
        List<GithubLabel> labels = new ArrayList<>();
        for (GithubLabel label : LABELS) {
            if (random.nextInt(5) == 0) {
                labels.add(label);
            }
        }
        int comments = random.nextInt(12);
        String body = "Steps to reproduce:\n\n1. Open " + repository + "\n2. " + title.toLowerCase()
                + "\n\nExpected it to work; it did not.";
        boolean closed = random.nextInt(10) < 3;
        if (!closed) {
            return new GithubIssue(repository, id, number, title, body, "open", null, author, assignee,
                    labels, comments, createdAt, createdAt, null, pullRequest, null);
        }
        Instant closedAt = createdAt.plusSeconds(closeDelaySeconds());
        String reason = pullRequest ? null : (random.nextInt(4) == 0 ? "not_planned" : "completed");
        Instant mergedAt = pullRequest && random.nextInt(4) != 0 ? closedAt : null;
        return new GithubIssue(repository, id, number, title, body, "closed", reason, author, assignee,
                labels, comments, createdAt, closedAt, closedAt, pullRequest, mergedAt);
    }
}
