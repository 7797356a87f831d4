package io.etlfleet.extract.ratelimits;

import io.etlfleet.integrations.spi.EtagStore;
import io.etlfleet.storage.etags.EtagRepository;
import java.util.Optional;
import java.util.UUID;

/** The connectors' response validators, kept in PostgreSQL per integration and request URL. */
public final class DatabaseEtagStore implements EtagStore {

    private final EtagRepository repository;

    public DatabaseEtagStore(EtagRepository repository) {
        this.repository = repository;
    }

    @Override
    public Optional<StoredEtag> find(String integrationId, String url) {
        return repository.find(UUID.fromString(integrationId), url)
                .map(entry -> new StoredEtag(entry.etag(), entry.facts()));
    }

    @Override
    public void save(String integrationId, String url, StoredEtag etag) {
        repository.save(UUID.fromString(integrationId), url, new EtagRepository.Entry(etag.etag(), etag.facts()));
    }
}
