package io.etlfleet.sample.jira;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of JQL the fake understands: clauses joined by {@code AND}, each either
 * {@code project = KEY} or {@code updated|created <op> value} ({@code op} one of
 * {@code >= > <= < =}; {@code value} a number of epoch milliseconds, as Jira accepts for
 * date fields, or a quoted {@code "yyyy-MM-dd[ HH:mm]"} read in the fake user's zone, UTC),
 * then optionally {@code ORDER BY field [ASC|DESC][, field [ASC|DESC]]...} over
 * {@code updated}, {@code created} and the issue key (also named {@code issuekey}, {@code id}
 * or {@code issue}, which Jira treats as one field and sorts by project, then issue number).
 * Issues the order leaves tied come by id. Anything else, and a field sorted twice, is a
 * {@link JqlException} with a message like Jira's.
 */
record Jql(String projectKey, Predicate<JiraIssue> filter, Comparator<JiraIssue> order) {

    /** Raised for a query Jira would answer with 400 "Error in the JQL Query". */
    static final class JqlException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        JqlException(String message) {
            super(message);
        }
    }

    private static final Pattern ORDER_BY = Pattern.compile("(?i)\\s+ORDER\\s+BY\\s+(.*)$");
    private static final Pattern SORT = Pattern.compile("(?i)^\\s*(\\w+)(?:\\s+(ASC|DESC))?\\s*$");
    private static final Pattern CLAUSE = Pattern.compile("(?i)^\\s*(\\w+)\\s*(>=|<=|=|>|<)\\s*(\"[^\"]*\"|'[^']*'|[^\\s\"']+)\\s*$");
    private static final Pattern AND = Pattern.compile("(?i)\\s+AND\\s+");
    private static final Set<String> KEY_ALIASES = Set.of("key", "issuekey", "id", "issue");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    static Jql parse(String text) {
        if (text == null || text.isBlank()) {
            return new Jql(null, issue -> true, Comparator.comparing(JiraIssue::id).reversed());
        }
        String where = text.trim();
        Comparator<JiraIssue> order = Comparator.comparing(JiraIssue::id).reversed();
        Matcher orderBy = ORDER_BY.matcher(" " + where);
        if (orderBy.find()) {
            order = order(orderBy.group(1));
            where = (" " + where).substring(0, orderBy.start()).trim();
        }
        String project = null;
        Predicate<JiraIssue> filter = issue -> true;
        List<String> clauses = where.isEmpty() ? List.of() : new ArrayList<>(List.of(AND.split(where)));
        for (String clause : clauses) {
            Matcher m = CLAUSE.matcher(clause);
            if (!m.matches()) {
                throw new JqlException("Error in the JQL Query: Expecting operator but got '" + firstWord(clause)
                        + "'. The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'.");
            }
            String field = m.group(1).toLowerCase(Locale.ROOT);
            String value = unquote(m.group(3));
            switch (field) {
                case "project" -> {
                    if (!m.group(2).equals("=")) {
                        throw new JqlException("Error in the JQL Query: the fake supports only 'project = KEY'.");
                    }
                    project = value.toUpperCase(Locale.ROOT);
                }
                case "updated", "created" -> filter = filter.and(dateClause(field, m.group(2), instant(field, value)));
                default -> throw new JqlException("Field '" + m.group(1) + "' does not exist or you do not have permission to view it.");
            }
        }
        String key = project;
        return new Jql(key, key == null ? filter : filter.and(issue -> issue.projectKey().equals(key)), order);
    }

    private static Comparator<JiraIssue> order(String sorts) {
        Comparator<JiraIssue> order = null;
        Set<String> sorted = new HashSet<>();
        for (String sort : sorts.split(",", -1)) {
            Matcher m = SORT.matcher(sort);
            if (!m.matches()) {
                throw new JqlException("Error in the JQL Query: Expecting a field name in the ORDER BY clause but got '"
                        + sort.trim() + "'.");
            }
            String field = m.group(1).toLowerCase(Locale.ROOT);
            Comparator<JiraIssue> byField = switch (field) {
                case "updated" -> Comparator.comparing(JiraIssue::updated);
                case "created" -> Comparator.comparing(JiraIssue::created);
                case "key", "issuekey", "id", "issue" -> Comparator.comparing(JiraIssue::projectKey)
                        .thenComparingInt(JiraIssue::number);
                default -> throw new JqlException("Field '" + m.group(1)
                        + "' does not exist or you do not have permission to view it.");
            };
            if (!sorted.add(KEY_ALIASES.contains(field) ? "issuekey" : field)) {
                throw new JqlException("The sort field '" + m.group(1) + "' is referenced multiple times in the JQL sort.");
            }
            Comparator<JiraIssue> directed = "DESC".equalsIgnoreCase(m.group(2)) ? byField.reversed() : byField;
            order = order == null ? directed : order.thenComparing(directed);
        }
        return order.thenComparing(JiraIssue::id);
    }

    private static Predicate<JiraIssue> dateClause(String field, String op, Instant value) {
        return issue -> {
            int c = (field.equals("updated") ? issue.updated() : issue.created()).compareTo(value);
            return switch (op) {
                case ">=" -> c >= 0;
                case ">" -> c > 0;
                case "<=" -> c <= 0;
                case "<" -> c < 0;
                default -> c == 0;
            };
        };
    }

    static Instant instant(String field, String value) {
        if (value.matches("-?\\d+")) {
            return Instant.ofEpochMilli(Long.parseLong(value));
        }
        try {
            return value.length() > 10 ? LocalDateTime.parse(value, MINUTES).toInstant(ZoneOffset.UTC)
                    : LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new JqlException("Date value '" + value + "' for field '" + field + "' is invalid. Valid formats include: "
                    + "'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.");
        }
    }

    private static String unquote(String value) {
        boolean quoted = value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"));
        return quoted ? value.substring(1, value.length() - 1) : value;
    }

    private static String firstWord(String clause) {
        String[] words = clause.trim().split("\\s+");
        return words.length > 1 ? words[1] : "<EOF>";
    }
}
