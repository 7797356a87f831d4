package io.etlfleet.integrations.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinkHeaderTest {

    @Test
    void findsNextAndLastInGithubsFormat() {
        LinkHeader link = LinkHeader.parse(List.of("<https://api.github.com/repositories/1/issues?page=2>; rel=\"next\", "
                + "<https://api.github.com/repositories/1/issues?page=5>; rel=\"last\""));

        assertThat(link.url("next")).hasValue("https://api.github.com/repositories/1/issues?page=2");
        assertThat(link.url("last")).hasValue("https://api.github.com/repositories/1/issues?page=5");
        assertThat(link.url("prev")).isEmpty();
    }

    @Test
    void acceptsAnyOrderExtraWhitespaceAndUnquotedRels() {
        LinkHeader link = LinkHeader.parse(List.of(
                "  <https://h/x?page=1>;rel=first ,<https://h/x?page=3> ;  rel = \"NEXT\" ; title=\"a, <b>\",<https://h/x?page=9>; rel=\"last\""));

        assertThat(link.url("next")).hasValue("https://h/x?page=3");
        assertThat(link.url("first")).hasValue("https://h/x?page=1");
        assertThat(link.url("last")).hasValue("https://h/x?page=9");
    }

    @Test
    void readsSpaceSeparatedRelsAndSeveralHeaders() {
        LinkHeader link = LinkHeader.parse(List.of("<https://h/x?page=2>; rel=\"next last\"", "<https://h/x?page=1>; rel=\"prev\""));

        assertThat(link.url("next")).hasValue("https://h/x?page=2");
        assertThat(link.url("last")).hasValue("https://h/x?page=2");
        assertThat(link.url("prev")).hasValue("https://h/x?page=1");
    }

    @Test
    void hasNoNextWithoutAHeader() {
        assertThat(LinkHeader.parse(List.of()).url("next")).isEmpty();
        assertThat(LinkHeader.parse(List.of("garbage")).url("next")).isEmpty();
    }
}
