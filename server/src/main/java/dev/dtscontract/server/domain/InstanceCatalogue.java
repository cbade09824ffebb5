package dev.dtscontract.server.domain;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The database instances the emulator knows, by instance id. Read-only after start. */
public final class InstanceCatalogue {

    private final Map<String, DatabaseInstance> byId;

    public InstanceCatalogue(Collection<DatabaseInstance> instances) {
        this.byId = instances.stream().collect(Collectors.toUnmodifiableMap(DatabaseInstance::id, Function.identity()));
    }

    public Optional<DatabaseInstance> find(String instanceId) {
        return Optional.ofNullable(byId.get(instanceId));
    }
}
