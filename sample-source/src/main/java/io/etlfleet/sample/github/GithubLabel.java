package io.etlfleet.sample.github;

/** A repository label as GitHub lists it on an issue. */
public record GithubLabel(long id, String name, String color, String description, boolean isDefault) {
}
