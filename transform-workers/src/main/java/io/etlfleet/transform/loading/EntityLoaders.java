package io.etlfleet.transform.loading;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The loaders this worker knows, by entity type. */
public final class EntityLoaders {

    private final Map<String, EntityLoader> byEntity;

    public EntityLoaders(List<EntityLoader> loaders) {
        this.byEntity = loaders.stream().collect(Collectors.toUnmodifiableMap(EntityLoader::entityType, Function.identity()));
    }

    public Optional<EntityLoader> forEntity(String entityType) {
        return Optional.ofNullable(byEntity.get(entityType));
    }
}
