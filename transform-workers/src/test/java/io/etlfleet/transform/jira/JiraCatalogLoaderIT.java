package io.etlfleet.transform.jira;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.storage.JsonColumns;
import io.etlfleet.transform.loading.LoadResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class JiraCatalogLoaderIT {

    private static JiraWarehouse warehouse;

    @BeforeAll
    static void createDatabase() {
        warehouse = new JiraWarehouse("jira_catalog_loader");
    }

    @AfterAll
    static void dropDatabase() {
        warehouse.close();
    }

    private static JsonNode json(String text) {
        return JsonColumns.MAPPER.readTree(text);
    }

    @Test
    void loadsProjectsAndLetsTheLaterRawRowWin() {
        JsonNode first = json("{\"id\":\"10000\",\"key\":\"WID\",\"name\":\"Widgets\",\"projectTypeKey\":\"software\","
                + "\"lead\":{\"displayName\":\"Mia Krystof\"}}");
        JsonNode renamed = json("{\"id\":\"10000\",\"key\":\"WID\",\"name\":\"Widget Factory\",\"projectTypeKey\":\"software\"}");
        JiraProjectLoader loader = new JiraProjectLoader();
        var older = warehouse.store("jira_projects", "key", first);
        warehouse.load(loader, warehouse.store("jira_projects", "key", renamed));

        LoadResult replay = warehouse.load(loader, older);

        assertThat(replay.upserted()).isZero();
        assertThat(warehouse.query("select project_key, jira_id, name, lead from warehouse.jira_projects"))
                .singleElement().satisfies(row -> assertThat(row).containsEntry("name", "Widget Factory")
                        .containsEntry("jira_id", 10000L).containsEntry("lead", null));
    }

    @Test
    void loadsStatusesWithTheirCategoryAndRejectsOneWithoutAName() {
        LoadResult result = warehouse.load(new JiraStatusLoader(), warehouse.store("jira_statuses", "id",
                json("{\"id\":\"3\",\"name\":\"In Progress\",\"statusCategory\":{\"key\":\"indeterminate\",\"name\":\"In Progress\"}}"),
                json("{\"id\":\"10002\",\"name\":\"Done\",\"statusCategory\":{\"key\":\"done\",\"name\":\"Done\"}}"),
                json("{\"id\":\"99\"}")));

        assertThat(result.upserted()).isEqualTo(2);
        assertThat(result.rejected()).singleElement().satisfies(r -> assertThat(r.reason()).contains("name"));
        assertThat(warehouse.query("select status_id, category_key from warehouse.jira_statuses order by status_id"))
                .extracting(row -> row.get("category_key")).containsExactly("done", "indeterminate");
    }
}
