package dev.dtscontract.server.auth;

import dev.dtscontract.server.domain.RoleGrants;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The accounts the emulator knows: AccessKeys by id, and the RAM roles each account grants to others. */
public final class Accounts implements RoleGrants {

    /** A RAM role of an owner account and the accounts allowed to assume it. */
    public record Role(String ownerAccountId, String name, Set<String> grantedTo) {
    }

    private final Map<String, AccessKey> keys;
    private final List<Role> roles;

    public Accounts(Collection<AccessKey> keys, Collection<Role> roles) {
        this.keys = keys.stream().collect(Collectors.toUnmodifiableMap(AccessKey::id, Function.identity()));
        this.roles = List.copyOf(roles);
    }

    public Optional<AccessKey> key(String accessKeyId) {
        return Optional.ofNullable(keys.get(accessKeyId));
    }

    public Collection<AccessKey> keys() {
        return keys.values();
    }

    @Override
    public boolean grants(String ownerAccountId, String roleName, String callerAccountId) {
        return roles.stream().anyMatch(r -> r.ownerAccountId().equals(ownerAccountId) && r.name().equals(roleName)
                && r.grantedTo().contains(callerAccountId));
    }
}
