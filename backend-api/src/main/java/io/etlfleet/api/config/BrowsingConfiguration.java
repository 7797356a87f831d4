package io.etlfleet.api.config;

import io.etlfleet.api.security.SourceUrlPolicy;
import io.etlfleet.storage.jobs.JobHistory;
import io.etlfleet.storage.raw.RawBrowser;
import io.etlfleet.storage.rejections.RejectionStore;
import io.etlfleet.storage.sync.SyncStateStore;
import org.jdbi.v3.core.Jdbi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Stores behind the job timeline, stats and rejections, raw data and sync state; the source URL policy. */
@Configuration(proxyBeanMethods = false)
public class BrowsingConfiguration {

    @Bean
    JobHistory jobHistory(Jdbi jdbi) {
        return new JobHistory(jdbi);
    }

    @Bean
    RawBrowser rawBrowser(Jdbi jdbi) {
        return new RawBrowser(jdbi);
    }

    @Bean
    RejectionStore rejectionStore(Jdbi jdbi) {
        return new RejectionStore(jdbi);
    }

    @Bean
    SyncStateStore syncStateStore(Jdbi jdbi) {
        return new SyncStateStore(jdbi);
    }

    @Bean
    SourceUrlPolicy sourceUrlPolicy(BackendApiProperties properties) {
        return new SourceUrlPolicy(properties.allowLoopbackSources());
    }
}
