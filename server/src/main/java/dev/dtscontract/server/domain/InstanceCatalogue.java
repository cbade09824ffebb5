package dev.dtscontract.server.domain;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The database instances the emulator knows, by instance id. Read without a lock; replaced as a whole or one
 * instance at a time (the test-control API), copy-on-write.
 */
public final class InstanceCatalogue {

    private volatile Map<String, DatabaseInstance> byId;

    public InstanceCatalogue(Collection<DatabaseInstance> instances) {
        this.byId = index(instances);
    }

    private static Map<String, DatabaseInstance> index(Collection<DatabaseInstance> instances) {
        Map<String, DatabaseInstance> byId = new LinkedHashMap<>();
        for (DatabaseInstance instance : instances) {
            if (byId.putIfAbsent(instance.id(), instance) != null) {
                throw new IllegalArgumentException("instance " + instance.id() + " is given twice");
            }
        }
        return Map.copyOf(byId);
    }

    public Optional<DatabaseInstance> find(String instanceId) {
        return Optional.ofNullable(byId.get(instanceId));
    }

    /** Every instance, sorted by id. */
    public List<DatabaseInstance> all() {
        return byId.values().stream().sorted(Comparator.comparing(DatabaseInstance::id)).toList();
    }

    public synchronized void replaceAll(Collection<DatabaseInstance> instances) {
        byId = index(instances);
    }

    public synchronized void put(DatabaseInstance instance) {
        Map<String, DatabaseInstance> next = new LinkedHashMap<>(byId);
        next.put(instance.id(), instance);
        byId = Map.copyOf(next);
    }
}
