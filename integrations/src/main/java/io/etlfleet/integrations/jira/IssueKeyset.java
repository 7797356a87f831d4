package io.etlfleet.integrations.jira;

import io.etlfleet.integrations.spi.ConnectorException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the next issue search starts: a keyset, not a position. Each request is a fresh JQL
 * {@code project = "KEY" [AND updated >= fromMs] AND updated <= untilMs ORDER BY updated ASC, key ASC},
 * read from its first issue, so an issue that changes or leaves the result cannot shift another
 * one past a page boundary. {@code fromIds} are the issues at {@code fromMs} already emitted
 * (the next page starts with them again). Only when a whole page shares {@code fromMs}, so the
 * keyset cannot move, does paging go on by {@code position} (Data Center {@code startAt}, Cloud
 * {@code nextPageToken}) inside that same query, until a page reaches a later {@code updated}.
 *
 * @param fromMs   inclusive lower bound in epoch milliseconds; null for none
 * @param position where to continue inside the query; null for its first issue
 * @param untilMs  the run's upper bound (its start), kept across a resume
 * @param fromIds  ids of the issues at {@code fromMs} emitted already
 */
record IssueKeyset(Long fromMs, String position, long untilMs, Set<String> fromIds) {

    static final String FROM_UPDATED_MS = "from_updated_ms";
    static final String FROM_IDS = "from_ids";
    static final String UNTIL_UPDATED_MS = "until_updated_ms";
    static final String START_AT = "start_at";
    static final String NEXT_PAGE_TOKEN = "next_page_token";
    /** Only in checkpoints written before keyset paging: the position-paged query. */
    static final String LEGACY_JQL = "jql";
    static final String MAX_UPDATED_MS = "max_updated_ms";

    private static final Pattern LEGACY_FROM = Pattern.compile("updated >= (-?\\d{1,18})");
    private static final Pattern LEGACY_UNTIL = Pattern.compile("updated <= (-?\\d{1,18})");

    IssueKeyset {
        fromIds = Set.copyOf(fromIds);
    }

    static IssueKeyset start(Long fromMs, long untilMs) {
        return new IssueKeyset(fromMs, null, untilMs, Set.of());
    }

    /**
     * The keyset a checkpoint holds. A checkpoint from position paging ({@code jql} with
     * {@code next_page_token} or {@code start_at}) restarts at its {@code max_updated_ms} (or its
     * JQL's lower bound) under its JQL's upper bound: issues at that millisecond are read again,
     * nothing after it is skipped.
     */
    static IssueKeyset resume(Map<String, String> checkpoint, boolean cloud, long runStartMs) {
        String legacyJql = checkpoint.get(LEGACY_JQL);
        if (legacyJql != null) {
            Long from = millis(checkpoint.get(MAX_UPDATED_MS));
            Long until = bound(LEGACY_UNTIL, legacyJql);
            return start(from != null ? from : bound(LEGACY_FROM, legacyJql), until != null ? until : runStartMs);
        }
        Long until = millis(checkpoint.get(UNTIL_UPDATED_MS));
        if (until == null) {
            throw new ConnectorException("the Jira checkpoint to resume from lacks " + UNTIL_UPDATED_MS + ": " + checkpoint);
        }
        String position = checkpoint.get(cloud ? NEXT_PAGE_TOKEN : START_AT);
        if (!cloud && position != null && !position.matches("\\d{1,9}")) {
            throw new ConnectorException("the Jira checkpoint's " + START_AT + " is not a position: " + position);
        }
        String ids = checkpoint.getOrDefault(FROM_IDS, "");
        return new IssueKeyset(millis(checkpoint.get(FROM_UPDATED_MS)), position, until,
                ids.isEmpty() ? Set.of() : Set.copyOf(List.of(ids.split(","))));
    }

    String jql(String project) {
        return "project = \"" + project + "\""
                + (fromMs == null ? "" : " AND updated >= " + fromMs)
                + " AND updated <= " + untilMs
                + " ORDER BY updated ASC, key ASC";
    }

    /**
     * The keyset after a page that was not the last.
     *
     * @param pageMaxMs        the highest {@code updated} on the page (null when no issue had one)
     * @param idsAtPageMax     ids of the page's issues at {@code pageMaxMs}
     * @param positionAfter    the position after the page inside this query (token or startAt)
     */
    IssueKeyset next(Long pageMaxMs, Set<String> idsAtPageMax, String positionAfter) {
        if (pageMaxMs != null && (fromMs == null || pageMaxMs > fromMs)) {
            return new IssueKeyset(pageMaxMs, null, untilMs, idsAtPageMax);
        }
        // The whole page sits at (or, with a coarse index, below) the lower bound: the keyset
        // cannot move, so read on by position inside this one query. Ends when Jira says so.
        return new IssueKeyset(fromMs, positionAfter, untilMs, pageMaxMs != null && pageMaxMs.equals(fromMs)
                ? idsAtPageMax : fromIds);
    }

    Map<String, String> checkpoint(boolean cloud) {
        Map<String, String> checkpoint = new LinkedHashMap<>();
        if (fromMs != null) {
            checkpoint.put(FROM_UPDATED_MS, Long.toString(fromMs));
        }
        if (!fromIds.isEmpty()) {
            checkpoint.put(FROM_IDS, String.join(",", fromIds.stream().sorted().toList()));
        }
        checkpoint.put(UNTIL_UPDATED_MS, Long.toString(untilMs));
        if (position != null) {
            checkpoint.put(cloud ? NEXT_PAGE_TOKEN : START_AT, position);
        }
        return checkpoint;
    }

    /** The page's position as stored with its records, e.g. {@code updated>=1704103200000 startAt=100}. */
    String describe(boolean cloud) {
        if (fromMs == null && position == null) {
            return "first";
        }
        return (fromMs == null ? "" : "updated>=" + fromMs) + (position == null ? ""
                : (fromMs == null ? "" : " ") + (cloud ? "nextPageToken=" : "startAt=") + position);
    }

    static Long millis(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new ConnectorException("Jira checkpoint or cursor value is not a number of epoch milliseconds: " + text);
        }
    }

    private static Long bound(Pattern pattern, String jql) {
        Matcher m = pattern.matcher(jql);
        return m.find() ? Long.valueOf(m.group(1)) : null;
    }
}
