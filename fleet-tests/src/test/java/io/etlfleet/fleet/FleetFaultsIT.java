package io.etlfleet.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.fleet.faults.FaultRuns;
import io.etlfleet.testing.TestDatabase;
import io.etlfleet.testing.TestServices;
import io.etlfleet.testing.TestVhost;
import org.junit.jupiter.api.Test;

/**
 * The CI variant of the fault-injection run ({@code ./etl faults} is the full one): a few
 * thousand records from the fake GitHub and Jira with 5xx and rate limits injected, issues
 * edited and created at both fakes while the full sync pages, one extract worker killed -9 and
 * one stopped with SIGTERM mid-sync, malformed messages published;
 * no service restarts, as
 * the test services are shared.
 */
class FleetFaultsIT {

    @Test
    void editsDuringTheSyncAKilledExtractWorkerAndMalformedMessagesLoseAndDuplicateNothing() throws Exception {
        try (TestDatabase database = TestServices.postgres().createDatabase("fleet_faults");
                TestVhost vhost = TestServices.rabbit().createVhost("fleet-faults")) {
            FaultRuns.Result result = FaultRuns.ciVariant(database.url(), database.user(), database.password(),
                    vhost.amqpUri());
            System.out.println(result.table());

            assertThat(result.faultsInjected()).as("faults injected").isEqualTo(2);
            assertThat(result.inexactEntities()).as("entities where the warehouse differs from the source").isEmpty();
            assertThat(result.allJobsSucceeded()).as("every job terminal and succeeded").isTrue();
            assertThat(result.deadLettersExactlyTheMalformedMessages()).as("DLQs hold exactly the malformed messages")
                    .isTrue();
            assertThat(result.passed()).isTrue();
        }
    }
}
