package io.etlfleet.sample.jira;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders the fake's objects as Jira's REST API does: v3 (Cloud) with descriptions as Atlassian
 * Document Format and users by {@code accountId}, v2 (Data Center) with plain-text descriptions
 * and users by {@code name}/{@code key}. Timestamps look like {@code 2024-01-01T10:00:00.000+0000}.
 */
final class JiraJson {

    static final JsonMapper MAPPER = JsonMapper.builder().build();
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
            .withZone(ZoneOffset.UTC);
    static final List<String> ALL_FIELDS = List.of("summary", "status", "issuetype", "project", "assignee",
            "reporter", "created", "updated", "description", "labels", "priority");

    private final String api;
    private final boolean cloud;

    /** @param api e.g. {@code http://127.0.0.1:8089/jira/rest/api/3} */
    JiraJson(String api, boolean cloud) {
        this.api = api;
        this.cloud = cloud;
    }

    static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    ObjectNode issue(JiraIssue issue, Set<String> fields, boolean changelog, int changelogLimit) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("expand", "renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations");
        node.put("id", Long.toString(issue.id()));
        node.put("self", api + "/issue/" + issue.id());
        node.put("key", issue.key());
        ObjectNode f = node.putObject("fields");
        for (String field : ALL_FIELDS) {
            if (fields.contains(field)) {
                putField(f, field, issue);
            }
        }
        if (changelog) {
            List<JiraHistory> histories = issue.histories();
            ObjectNode log = node.putObject("changelog");
            List<JiraHistory> shown = histories.subList(0, Math.min(histories.size(), changelogLimit));
            log.put("startAt", 0);
            log.put("maxResults", shown.size());
            log.put("total", histories.size());
            ArrayNode list = log.putArray("histories");
            shown.forEach(h -> list.add(history(h)));
        }
        return node;
    }

    private void putField(ObjectNode f, String field, JiraIssue issue) {
        switch (field) {
            case "summary" -> f.put("summary", issue.summary());
            case "status" -> f.set("status", status(issue.status()));
            case "issuetype" -> f.set("issuetype", issueType(issue.issueType()));
            case "project" -> f.set("project", projectRef(issue.projectKey()));
            case "assignee" -> f.set("assignee", issue.assignee() == null ? null : user(issue.assignee()));
            case "reporter" -> f.set("reporter", user(issue.reporter()));
            case "created" -> f.put("created", timestamp(issue.created()));
            case "updated" -> f.put("updated", timestamp(issue.updated()));
            case "description" -> {
                if (cloud) {
                    f.set("description", AdfDocuments.of(issue.description()));
                } else {
                    f.put("description", issue.description());
                }
            }
            case "labels" -> issue.labels().forEach(f.putArray("labels")::add);
            default -> {
                ObjectNode priority = f.putObject("priority");
                priority.put("self", api + "/priority/" + priorityId(issue.priority()));
                priority.put("name", issue.priority());
                priority.put("id", priorityId(issue.priority()));
            }
        }
    }

    ObjectNode history(JiraHistory history) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", Long.toString(history.id()));
        node.set("author", user(history.author()));
        node.put("created", timestamp(history.created()));
        ObjectNode item = node.putArray("items").addObject();
        item.put("field", "status");
        item.put("fieldtype", "jira");
        if (cloud) {
            item.put("fieldId", "status");
        }
        item.put("from", history.from().id());
        item.put("fromString", history.from().name());
        item.put("to", history.to().id());
        item.put("toString", history.to().name());
        return node;
    }

    ObjectNode status(JiraStatus status) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("self", api + "/status/" + status.id());
        node.put("description", "");
        node.put("iconUrl", api.replaceAll("/rest/api/\\d$", "") + "/images/icons/statuses/generic.png");
        node.put("name", status.name());
        node.put("id", status.id());
        ObjectNode category = node.putObject("statusCategory");
        category.put("self", api + "/statuscategory/" + status.categoryId());
        category.put("id", status.categoryId());
        category.put("key", status.categoryKey());
        category.put("colorName", status.colorName());
        category.put("name", status.categoryName());
        return node;
    }

    ObjectNode user(JiraUser user) {
        ObjectNode node = MAPPER.createObjectNode();
        if (cloud) {
            node.put("self", api + "/user?accountId=" + user.accountId());
            node.put("accountId", user.accountId());
            node.put("accountType", "atlassian");
        } else {
            node.put("self", api + "/user?username=" + user.name());
            node.put("name", user.name());
            node.put("key", "JIRAUSER" + Math.abs(user.name().hashCode() % 100_000));
        }
        node.put("emailAddress", user.email());
        node.put("displayName", user.displayName());
        node.put("active", true);
        node.put("timeZone", "Etc/UTC");
        return node;
    }

    ObjectNode project(JiraProject project) {
        ObjectNode node = projectRef(project.key());
        node.put("id", Long.toString(project.id()));
        node.put("name", project.name());
        node.put("description", "");
        node.set("lead", user(project.lead()));
        node.put("projectTypeKey", "software");
        if (cloud) {
            node.put("simplified", false);
            node.put("style", "classic");
            node.put("isPrivate", false);
        }
        return node;
    }

    private ObjectNode projectRef(String key) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("self", api + "/project/" + key);
        node.put("key", key);
        node.put("projectTypeKey", "software");
        return node;
    }

    private ObjectNode issueType(String name) {
        ObjectNode node = MAPPER.createObjectNode();
        String id = switch (name) {
            case "Bug" -> "10004";
            case "Story" -> "10001";
            default -> "10002";
        };
        node.put("self", api + "/issuetype/" + id);
        node.put("id", id);
        node.put("description", "");
        node.put("name", name);
        node.put("subtask", false);
        return node;
    }

    private static String priorityId(String name) {
        return Integer.toString(List.of("Highest", "High", "Medium", "Low", "Lowest").indexOf(name) + 1);
    }

    /** Jira's error body: {@code {"errorMessages":[...],"errors":{}}}. */
    static byte[] error(String... messages) {
        ObjectNode node = MAPPER.createObjectNode();
        ArrayNode list = node.putArray("errorMessages");
        for (String message : messages) {
            list.add(message);
        }
        node.putObject("errors");
        return MAPPER.writeValueAsBytes(node);
    }
}
