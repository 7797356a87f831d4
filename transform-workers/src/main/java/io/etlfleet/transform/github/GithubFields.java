package io.etlfleet.transform.github;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Reading values out of GitHub REST objects; a missing or malformed required value raises IllegalArgumentException. */
final class GithubFields {

    private static final String REPOS = "/repos/";

    private GithubFields() {
    }

    static JsonNode required(JsonNode node, String field, String what) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull() || value.isString() && value.asString().isBlank()) {
            throw new IllegalArgumentException(what + " has no '" + field + "'");
        }
        return value;
    }

    static String requiredText(JsonNode node, String field, String what) {
        JsonNode value = required(node, field, what);
        if (!value.isString()) {
            throw new IllegalArgumentException(what + "'s '" + field + "' is not a string");
        }
        return value.asString();
    }

    static long requiredNumber(JsonNode node, String field, String what) {
        JsonNode value = required(node, field, what);
        if (!value.isIntegralNumber()) {
            throw new IllegalArgumentException(what + "'s '" + field + "' is not an integer: " + value);
        }
        return value.asLong();
    }

    static String text(JsonNode value) {
        return value.isString() ? value.asString() : null;
    }

    static Integer integer(JsonNode value) {
        return value.isIntegralNumber() ? value.asInt() : null;
    }

    /** The login of a user object, or null (GitHub sends null for deleted or unmatched users). */
    static String login(JsonNode user) {
        return text(user.path("login"));
    }

    static Instant requiredInstant(JsonNode node, String field, String what) {
        return instant(requiredText(node, field, what), field);
    }

    static Instant optionalInstant(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? instant(value.asString(), field) : null;
    }

    /** The {@code field} of every object in {@code array} that has it as a string. */
    static List<String> names(JsonNode array, String field) {
        List<String> names = new ArrayList<>();
        for (JsonNode item : array) {
            if (item.path(field).isString()) {
                names.add(item.path(field).asString());
            }
        }
        return names;
    }

    /**
     * The {@code owner/repo} and the rest of an API URL such as
     * {@code https://api.github.com/repos/octo/widgets/pulls/7} or, on GitHub Enterprise
     * Server, {@code https://ghe.example.com/api/v3/repos/octo/widgets/pulls/7}.
     *
     * @return {@code [owner/repo, rest]}, rest without its leading slash (empty for the repository itself)
     */
    static String[] repositoryPath(String apiUrl, String field) {
        int start = apiUrl == null ? -1 : apiUrl.indexOf(REPOS);
        String[] parts = start < 0 ? new String[0] : apiUrl.substring(start + REPOS.length()).split("/", 3);
        if (parts.length < 2 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new IllegalArgumentException("'" + field + "' is not a repository API URL: " + apiUrl);
        }
        return new String[] {parts[0] + "/" + parts[1], parts.length == 3 ? parts[2] : ""};
    }

    private static Instant instant(String value, String field) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + field + "' is not an ISO-8601 instant: " + value);
        }
    }
}
