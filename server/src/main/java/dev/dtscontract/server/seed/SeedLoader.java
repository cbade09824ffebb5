package dev.dtscontract.server.seed;

import dev.dtscontract.server.auth.AccessKey;
import dev.dtscontract.server.auth.Accounts;
import dev.dtscontract.server.domain.DatabaseInstance;
import dev.dtscontract.server.domain.DtsJob;
import dev.dtscontract.server.domain.Engine;
import dev.dtscontract.server.domain.InstanceType;
import dev.dtscontract.server.domain.JobEndpoint;
import dev.dtscontract.server.domain.JobKind;
import dev.dtscontract.server.domain.Secret;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a seed file. Every entry is checked; a missing or unknown value names the entry and the field.
 * Secrets may be written as ${ENV_VAR} to keep them out of the file.
 */
public final class SeedLoader {

    /** The seed that ships in the jar. */
    public static final String DEFAULT_SEED = "seed/default-seed.yaml";

    private SeedLoader() {
    }

    public static Seed loadDefault() {
        try (InputStream in = SeedLoader.class.getClassLoader().getResourceAsStream(DEFAULT_SEED)) {
            if (in == null) {
                throw new IllegalStateException("default seed " + DEFAULT_SEED + " is missing from the jar");
            }
            return parse(in, DEFAULT_SEED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Seed loadFile(String path) {
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            return parse(in, path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read seed file " + path, e);
        }
    }

    @SuppressWarnings("unchecked")
    static Seed parse(InputStream in, String source) {
        Map<String, Object> root = new Yaml(new LoaderOptions()).load(in);
        if (root == null) {
            throw new IllegalArgumentException("seed " + source + " is empty");
        }
        List<DatabaseInstance> instances = new ArrayList<>();
        List<Map<String, Object>> rawInstances = (List<Map<String, Object>>) root.getOrDefault("instances", List.of());
        for (int i = 0; i < rawInstances.size(); i++) {
            Entry e = new Entry(source + " instances[" + i + "]", rawInstances.get(i));
            instances.add(new DatabaseInstance(e.text("id"), e.instanceType("type"), e.engine("engine"),
                    e.text("region"), e.integer("shards", 0)));
        }
        List<DtsJob> jobs = new ArrayList<>();
        List<Map<String, Object>> rawJobs = (List<Map<String, Object>>) root.getOrDefault("jobs", List.of());
        for (int i = 0; i < rawJobs.size(); i++) {
            Entry e = new Entry(source + " jobs[" + i + "]", rawJobs.get(i));
            jobs.add(new DtsJob(e.text("dtsJobId"), e.text("dtsInstanceId"), e.text("region"), e.text("resourceGroupId"),
                    e.text("owner"), JobKind.valueOf(e.text("kind")), e.text("status"), e.integer("latencySeconds", 0),
                    Instant.parse(e.text("checkpoint")), e.endpoint("source"), e.endpoint("destination"), 1));
        }
        List<AccessKey> keys = new ArrayList<>();
        List<Accounts.Role> roles = new ArrayList<>();
        List<Map<String, Object>> rawAccounts = (List<Map<String, Object>>) root.getOrDefault("accounts", List.of());
        for (int i = 0; i < rawAccounts.size(); i++) {
            Entry account = new Entry(source + " accounts[" + i + "]", rawAccounts.get(i));
            String accountId = account.text("id");
            account.list("accessKeys").forEach(k -> keys.add(new AccessKey(k.text("id"), accountId, k.secret("secret"),
                    k.bool("enabled", true), null, null)));
            account.list("temporaryCredentials").forEach(k -> keys.add(new AccessKey(k.text("accessKeyId"), accountId,
                    k.secret("secret"), true, k.text("securityToken"), Instant.parse(k.text("expires")))));
            account.list("roles").forEach(r -> roles.add(new Accounts.Role(accountId, r.text("name"),
                    Set.copyOf(r.strings("grantedTo")))));
        }
        return new Seed(List.copyOf(instances), List.copyOf(jobs), List.copyOf(keys), List.copyOf(roles));
    }

    /** One map of the seed, with the place it came from for error messages. */
    private record Entry(String where, Map<String, Object> values) {

        String text(String key) {
            Object value = values.get(key);
            if (value == null) {
                throw new IllegalArgumentException(where + ": '" + key + "' is missing");
            }
            return String.valueOf(value);
        }

        /** A secret, literal or ${ENV_VAR}; an unset variable fails the start naming it (never the value). */
        String secret(String key) {
            String raw = text(key);
            if (raw.startsWith("${") && raw.endsWith("}")) {
                String variable = raw.substring(2, raw.length() - 1);
                String value = System.getenv(variable);
                if (value == null || value.isEmpty()) {
                    throw new IllegalArgumentException(where + ": '" + key + "' names environment variable " + variable + ", which is not set");
                }
                return value;
            }
            return raw;
        }

        boolean bool(String key, boolean fallback) {
            Object value = values.get(key);
            return value == null ? fallback : Boolean.parseBoolean(String.valueOf(value));
        }

        @SuppressWarnings("unchecked")
        List<Entry> list(String key) {
            Object value = values.get(key);
            if (value == null) {
                return List.of();
            }
            List<Map<String, Object>> items = (List<Map<String, Object>>) value;
            List<Entry> out = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                out.add(new Entry(where + "." + key + "[" + i + "]", items.get(i)));
            }
            return out;
        }

        @SuppressWarnings("unchecked")
        List<String> strings(String key) {
            Object value = values.get(key);
            return value == null ? List.of() : ((List<Object>) value).stream().map(String::valueOf).toList();
        }

        String optional(String key) {
            Object value = values.get(key);
            return value == null ? null : String.valueOf(value);
        }

        int integer(String key, int fallback) {
            Object value = values.get(key);
            return value == null ? fallback : Integer.parseInt(String.valueOf(value));
        }

        InstanceType instanceType(String key) {
            return parseEnum(InstanceType.class, key);
        }

        Engine engine(String key) {
            return parseEnum(Engine.class, key);
        }

        private <E extends Enum<E>> E parseEnum(Class<E> type, String key) {
            String raw = text(key);
            try {
                return Enum.valueOf(type, raw.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": '" + key + "' has unknown value '" + raw + "'");
            }
        }

        @SuppressWarnings("unchecked")
        JobEndpoint endpoint(String key) {
            Object raw = values.get(key);
            if (!(raw instanceof Map<?, ?>)) {
                throw new IllegalArgumentException(where + ": '" + key + "' is missing");
            }
            Entry e = new Entry(where + "." + key, (Map<String, Object>) raw);
            String port = e.optional("port");
            return new JobEndpoint(e.instanceType("type"), e.engine("engine"), e.optional("instanceId"), e.optional("ip"),
                    port == null ? null : Integer.valueOf(port), e.text("region"), e.optional("database"),
                    e.optional("username"), Secret.of(e.optional("password")), e.optional("shardUsername"),
                    Secret.of(e.optional("shardPassword")), e.optional("roleName"), e.optional("aliyunUid"));
        }
    }
}
