package dev.dtscontract.server.auth;

import dev.dtscontract.server.domain.RoleGrants;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The accounts the emulator knows: AccessKeys by id, and the RAM roles each account grants to others. Read on every
 * request without a lock; replaced as a whole (a reset, a seed) or one account at a time (the test-control API),
 * copy-on-write.
 */
public final class Accounts implements RoleGrants {

    /** A RAM role of an owner account and the accounts allowed to assume it. */
    public record Role(String ownerAccountId, String name, Set<String> grantedTo) {
    }

    /** One account with its AccessKeys (permanent and temporary) and the roles it grants. */
    public record Account(String id, List<AccessKey> keys, List<Role> roles) {
        public Account {
            keys = List.copyOf(keys);
            roles = List.copyOf(roles);
            for (AccessKey key : keys) {
                if (!key.accountId().equals(id)) {
                    throw new IllegalArgumentException("AccessKey " + key.id() + " belongs to account " + key.accountId() + ", not " + id);
                }
            }
        }
    }

    private record Snapshot(Map<String, Account> accounts, Map<String, AccessKey> keys, List<Role> roles) {
    }

    private volatile Snapshot snapshot;

    public Accounts(Collection<Account> accounts) {
        this.snapshot = snapshotOf(accounts);
    }

    /** Groups keys and roles by the account they belong to. */
    public Accounts(Collection<AccessKey> keys, Collection<Role> roles) {
        this(group(keys, roles));
    }

    private static List<Account> group(Collection<AccessKey> keys, Collection<Role> roles) {
        Map<String, List<AccessKey>> keysByAccount = keys.stream().collect(Collectors.groupingBy(AccessKey::accountId,
                LinkedHashMap::new, Collectors.toList()));
        Map<String, List<Role>> rolesByAccount = roles.stream().collect(Collectors.groupingBy(Role::ownerAccountId,
                LinkedHashMap::new, Collectors.toList()));
        return java.util.stream.Stream.concat(keysByAccount.keySet().stream(), rolesByAccount.keySet().stream()).distinct()
                .map(id -> new Account(id, keysByAccount.getOrDefault(id, List.of()), rolesByAccount.getOrDefault(id, List.of())))
                .toList();
    }

    private static Snapshot snapshotOf(Collection<Account> accounts) {
        Map<String, Account> byId = new LinkedHashMap<>();
        Map<String, AccessKey> keys = new LinkedHashMap<>();
        for (Account account : accounts) {
            if (byId.putIfAbsent(account.id(), account) != null) {
                throw new IllegalArgumentException("account " + account.id() + " is given twice");
            }
            for (AccessKey key : account.keys()) {
                AccessKey other = keys.putIfAbsent(key.id(), key);
                if (other != null) {
                    throw new IllegalArgumentException("AccessKey " + key.id() + " is given twice (accounts " + other.accountId()
                            + " and " + account.id() + ")");
                }
            }
        }
        List<Role> roles = accounts.stream().flatMap(a -> a.roles().stream()).toList();
        return new Snapshot(Map.copyOf(byId), Map.copyOf(keys), roles);
    }

    public Optional<AccessKey> key(String accessKeyId) {
        return Optional.ofNullable(snapshot.keys().get(accessKeyId));
    }

    public Collection<AccessKey> keys() {
        return snapshot.keys().values();
    }

    /** Every account, sorted by id. */
    public List<Account> all() {
        return snapshot.accounts().values().stream().sorted(Comparator.comparing(Account::id)).toList();
    }

    /** Replaces every account (a reset or a new seed); refuses, changing nothing, an AccessKey id given twice. */
    public synchronized void replaceAll(Collection<Account> accounts) {
        snapshot = snapshotOf(accounts);
    }

    /** Adds or replaces one account; refuses, changing nothing, an AccessKey id another account holds. */
    public synchronized void put(Account account) {
        Map<String, Account> next = new LinkedHashMap<>(snapshot.accounts());
        next.put(account.id(), account);
        snapshot = snapshotOf(next.values());
    }

    /** Adds or replaces one permanent key of an account (created without roles if new), keeping its other keys. */
    public synchronized Account putKey(AccessKey key) {
        Map<String, Account> next = new LinkedHashMap<>(snapshot.accounts());
        Account current = next.getOrDefault(key.accountId(), new Account(key.accountId(), List.of(), List.of()));
        List<AccessKey> keys = new java.util.ArrayList<>(current.keys().stream().filter(k -> !k.id().equals(key.id())).toList());
        keys.add(key);
        Account updated = new Account(current.id(), keys, current.roles());
        next.put(updated.id(), updated);
        snapshot = snapshotOf(next.values());
        return updated;
    }

    @Override
    public boolean grants(String ownerAccountId, String roleName, String callerAccountId) {
        return snapshot.roles().stream().anyMatch(r -> r.ownerAccountId().equals(ownerAccountId) && r.name().equals(roleName)
                && r.grantedTo().contains(callerAccountId));
    }
}
