package io.etlfleet.transform.loading;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The loaders this worker knows: by entity type (GitHub, Jira: fixed entity types), or for
 * every entity of an integration type whose entity types are user-defined (JDBC: table
 * names). A loader for the job's integration type wins over one for its entity type.
 */
public final class EntityLoaders {

    private final Map<String, EntityLoader> byEntity;
    private final Map<String, EntityLoader> byIntegrationType;

    public EntityLoaders(List<EntityLoader> loaders) {
        this(loaders, Map.of());
    }

    public EntityLoaders(List<EntityLoader> loaders, Map<String, EntityLoader> byIntegrationType) {
        this.byEntity = loaders.stream().collect(Collectors.toUnmodifiableMap(EntityLoader::entityType, Function.identity()));
        this.byIntegrationType = Map.copyOf(byIntegrationType);
    }

    public Optional<EntityLoader> forEntity(String entityType) {
        return Optional.ofNullable(byEntity.get(entityType));
    }

    /** The loader for a job of {@code integrationType} and {@code entityType}. */
    public Optional<EntityLoader> forJob(String integrationType, String entityType) {
        EntityLoader loader = integrationType == null ? null : byIntegrationType.get(integrationType);
        return loader != null ? Optional.of(loader) : forEntity(entityType);
    }
}
