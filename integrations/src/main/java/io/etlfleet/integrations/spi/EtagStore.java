package io.etlfleet.integrations.spi;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The validators of responses already stored, per integration and request URL, so a
 * connector can ask the source conditionally ({@code If-None-Match}) and skip what did not
 * change. Implemented by the runtime (a PostgreSQL table in the extract workers).
 *
 * <p>A connector saves an entry only after the page it came from was committed, so a 304
 * always means "the records of this response are already stored". Facts are small strings the
 * connector needs to carry on without the body (e.g. the next-page link, the item count).
 * Thread-safe; the URL never contains credentials.
 */
public interface EtagStore {

    Optional<StoredEtag> find(String integrationId, String url);

    void save(String integrationId, String url, StoredEtag etag);

    /** A process-local store, for tests and processes without a shared one. */
    static EtagStore inMemory() {
        Map<String, StoredEtag> entries = new ConcurrentHashMap<>();
        return new EtagStore() {
            @Override
            public Optional<StoredEtag> find(String integrationId, String url) {
                return Optional.ofNullable(entries.get(integrationId + " " + url));
            }

            @Override
            public void save(String integrationId, String url, StoredEtag etag) {
                entries.put(integrationId + " " + url, etag);
            }
        };
    }

    /** The validator of one stored response and what the connector noted about it. */
    record StoredEtag(String etag, Map<String, String> facts) {

        public StoredEtag {
            facts = facts == null ? Map.of() : Map.copyOf(facts);
        }
    }
}
