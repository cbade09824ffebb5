package dev.dtscontract.server.seed;

import dev.dtscontract.server.auth.AccessKey;
import dev.dtscontract.server.auth.Accounts;
import dev.dtscontract.server.domain.DatabaseInstance;
import dev.dtscontract.server.domain.DtsJob;
import dev.dtscontract.server.domain.Engine;
import dev.dtscontract.server.domain.InstanceType;
import dev.dtscontract.server.domain.JobChange;
import dev.dtscontract.server.domain.JobEndpoint;
import dev.dtscontract.server.domain.JobKind;
import dev.dtscontract.server.domain.JobSide;
import dev.dtscontract.server.domain.Secret;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a seed document (YAML or JSON: the control spec's {@code Seed} schema), or one entry of it sent on its own.
 * Everything is checked before anything is returned: unknown keys, missing or mistyped values, unknown enum values and
 * duplicate ids fail with a {@link SeedException} naming the position and the entry. Secrets may be written
 * ${ENV_VAR} to keep them out of the file.
 */
public final class SeedLoader {

    /** The seed that ships in the jar. */
    public static final String DEFAULT_SEED = "seed/default-seed.yaml";

    private static final Set<String> ROOT_KEYS = Set.of("instances", "jobs", "accounts");
    private static final Set<String> INSTANCE_KEYS = Set.of("id", "type", "engine", "region", "shards");
    private static final Set<String> JOB_KEYS = Set.of("dtsJobId", "dtsInstanceId", "region", "resourceGroupId", "owner", "kind",
            "status", "latencySeconds", "checkpoint", "source", "destination");
    private static final Set<String> ENDPOINT_KEYS = Set.of("type", "engine", "instanceId", "ip", "port", "region", "database",
            "username", "password", "shardUsername", "shardPassword", "roleName", "aliyunUid");
    private static final Set<String> ACCOUNT_KEYS = Set.of("id", "accessKeys", "temporaryCredentials", "roles");
    private static final Set<String> KEY_KEYS = Set.of("id", "secret", "enabled");
    private static final Set<String> TEMPORARY_KEYS = Set.of("accessKeyId", "secret", "securityToken", "expires");
    private static final Set<String> ROLE_KEYS = Set.of("name", "grantedTo");
    private static final Set<String> SNAPSHOT_KEYS = Set.of("format", "secrets", "taken", "advancedSeconds", "seed", "instances",
            "jobs", "accounts", "histories");
    private static final Set<String> HISTORY_KEYS = Set.of("dtsJobId", "version", "modifyingUntil", "changes");
    private static final Set<String> CHANGE_KEYS = Set.of("version", "requestId", "time", "endpoint", "synchronizationDirection",
            "accessKeyId", "replaced", "replacement");
    /** Snapshot.advancedSeconds' maximum in the control spec: the clock's limit (C-CLOCK), ten years. */
    private static final long MAX_ADVANCED_SECONDS = 315_360_000L;

    private SeedLoader() {
    }

    public static Seed loadDefault() {
        try (InputStream in = SeedLoader.class.getClassLoader().getResourceAsStream(DEFAULT_SEED)) {
            if (in == null) {
                throw new SeedException(DEFAULT_SEED, 0, 0, "the default seed is missing from the jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), new Reader(DEFAULT_SEED, true));
        } catch (IOException e) {
            throw new SeedException(DEFAULT_SEED, 0, 0, "cannot be read: " + e.getMessage());
        }
    }

    public static Seed loadFile(String path) {
        String text;
        try {
            text = Files.readString(Path.of(path), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new SeedException(path, 0, 0, "no such file");
        } catch (IOException | RuntimeException e) {
            throw new SeedException(path, 0, 0, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        return parse(text, new Reader(path, true));
    }

    /**
     * A whole seed document sent to the emulator (C-INPUT: ${ENV_VAR} references are refused, since only files read at
     * start may name the environment); {@code source} names it in errors.
     */
    public static Seed parse(String text, String source) {
        return parse(text, new Reader(source, false));
    }

    private static Seed parse(String text, Reader r) {
        Node root = r.document(text);
        return r.seed(r.fields(root, "", ROOT_KEYS), "", r.source());
    }

    /**
     * A whole snapshot sent to the emulator (control rule C-SNAPSHOT), checked in full: every entity as a seed entry,
     * the format, secrets that were not masked, each history naming a job of the snapshot once with consecutive versions
     * ending at the job's. ${ENV_VAR} references are refused, as in any document sent.
     */
    public static Snapshot snapshot(String text, String source) {
        Reader r = new Reader(source, false);
        Node root = r.document(text);
        Fields f = new Fields(r, root, "snapshot", r.fields(root, "snapshot", SNAPSHOT_KEYS));
        long format = f.whole("format", 1, Long.MAX_VALUE);
        if (format > Snapshot.FORMAT) {
            throw r.fail(f.node("format"), "snapshot: 'format' " + format + " is newer than this emulator reads (" + Snapshot.FORMAT
                    + "); load it into a newer emulator");
        }
        String secrets = f.text("secrets");
        if (secrets.equals("MASKED")) {
            throw r.fail(f.node("secrets"), "snapshot: its secrets were masked when it was exported, so it cannot be loaded; "
                    + "export it with GET /_emulator/snapshot?secrets=include");
        }
        if (!secrets.equals("INCLUDED")) {
            throw r.fail(f.node("secrets"), "snapshot: 'secrets' has unknown value '" + Fields.shown(secrets)
                    + "'; expected one of [INCLUDED, MASKED]");
        }
        if (f.has("taken")) {
            f.instant("taken");
        }
        long advanced = f.has("advancedSeconds") ? f.whole("advancedSeconds", 0, MAX_ADVANCED_SECONDS) : 0;
        Node seedNode = f.node("seed");
        Seed seed = r.seed(r.fields(seedNode, "seed", ROOT_KEYS), "seed.", Snapshot.SOURCE);
        f.node("instances");
        f.node("jobs");
        f.node("accounts");
        Seed state = r.seed(f.values(), "", Snapshot.SOURCE);
        Map<String, DtsJob> jobs = new LinkedHashMap<>();
        state.jobs().forEach(job -> jobs.put(job.dtsJobId(), job));
        Map<String, List<JobChange>> histories = new LinkedHashMap<>();
        r.list(f.optionalNode("histories"), "histories", (node, where) -> {
            Fields h = new Fields(r, node, where, r.fields(node, where, HISTORY_KEYS));
            String id = h.text("dtsJobId");
            DtsJob job = jobs.get(id);
            if (job == null) {
                throw r.fail(h.node("dtsJobId"), where + ": 'dtsJobId' " + Fields.shown(id) + " is not a job of this snapshot");
            }
            if (histories.containsKey(id)) {
                throw r.fail(node, where + ": job " + id + " has a history earlier in the list");
            }
            long version = h.whole("version", 1, Long.MAX_VALUE);
            List<JobChange> changes = r.list(h.node("changes"), where + ".changes", r::change);
            if (changes.size() > JobChange.KEPT) {
                throw r.fail(h.node("changes"), where + ": 'changes' holds " + changes.size() + "; a history keeps the last "
                        + JobChange.KEPT);
            }
            if (version > 1 && changes.isEmpty()) {
                throw r.fail(h.node("changes"), where + ": a job at version " + version + " must have its last change in 'changes'");
            }
            for (int i = 0; i < changes.size(); i++) {
                long expected = version - (changes.size() - 1 - i);
                if (changes.get(i).version() != expected || expected < 2) {
                    Node change = ((SequenceNode) h.node("changes")).getValue().get(i);
                    throw r.fail(change, where + ".changes[" + i + "]: 'version' is " + changes.get(i).version() + ", not "
                            + expected + " (versions are consecutive from 2, the last is the job's version " + version + ")");
                }
            }
            Instant modifyingUntil = h.has("modifyingUntil") ? h.instant("modifyingUntil") : null;
            jobs.put(id, job.at(version, modifyingUntil));
            histories.put(id, changes);
            return id;
        });
        return new Snapshot(seed, state.instances(), List.copyOf(jobs.values()), state.accountList(), histories,
                java.time.Duration.ofSeconds(advanced));
    }

    /** One job, as {@code PUT /_emulator/jobs/{id}} sends it. */
    public static DtsJob job(String text, String source) {
        Reader r = new Reader(source, false);
        return r.job(r.document(text), "job");
    }

    /** One database instance. */
    public static DatabaseInstance instance(String text, String source) {
        Reader r = new Reader(source, false);
        return r.instance(r.document(text), "instance");
    }

    /** One account with its keys and roles. */
    public static Accounts.Account account(String text, String source) {
        Reader r = new Reader(source, false);
        return r.account(r.document(text), "account");
    }

    /** One permanent AccessKey of the given account. */
    public static AccessKey accessKey(String text, String source, String accountId) {
        Reader r = new Reader(source, false);
        Node node = r.document(text);
        Fields k = new Fields(r, node, "accessKey", r.fields(node, "accessKey", KEY_KEYS));
        return new AccessKey(k.text("id"), accountId, k.secret("secret"), k.bool("enabled", true), null, null);
    }

    /** Walks the node tree of one document, failing at the first problem with its position. */
    /** {@code environment}: whether ${ENV_VAR} references are read (a file read at start) or refused (a document sent). */
    private record Reader(String source, boolean environment) {

        Node document(String text) {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            options.setCodePointLimit(8 * 1024 * 1024);
            try {
                Node root = new Yaml(options).compose(new StringReader(text));
                if (root == null) {
                    throw new SeedException(source, 0, 0, "the document is empty");
                }
                return root;
            } catch (MarkedYAMLException e) {
                Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
                String problem = e.getProblem() == null ? "not YAML or JSON" : e.getProblem();
                throw new SeedException(source, mark == null ? 0 : mark.getLine() + 1, mark == null ? 0 : mark.getColumn() + 1,
                        "not YAML or JSON: " + problem);
            } catch (YAMLException e) {
                throw new SeedException(source, 0, 0, "not YAML or JSON: " + e.getMessage());
            }
        }

        SeedException fail(Node node, String problem) {
            return node == null ? new SeedException(source, 0, 0, problem)
                    : new SeedException(source, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1, problem);
        }

        /** The fields of a mapping, refusing keys the schema does not name. */
        Map<String, Node> fields(Node node, String where, Set<String> allowed) {
            if (!(node instanceof MappingNode mapping)) {
                throw fail(node, label(where) + "must be a mapping of keys to values");
            }
            Map<String, Node> fields = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
                if (key == null || !allowed.contains(key)) {
                    throw fail(tuple.getKeyNode(), label(where) + "unknown key " + (key == null ? "(not a name)" : "'" + key + "'")
                            + "; expected one of " + new java.util.TreeSet<>(allowed));
                }
                if (fields.containsKey(key)) { // C-INPUT: never "the last one wins"
                    throw fail(tuple.getKeyNode(), label(where) + "key '" + key + "' is given twice");
                }
                fields.put(key, tuple.getValueNode());
            }
            return fields;
        }

        private static String label(String where) {
            return where.isEmpty() ? "" : where + ": ";
        }

        /** The instances, jobs and accounts of a seed's mapping, each list's ids unique; {@code prefix} labels them. */
        Seed seed(Map<String, Node> fields, String prefix, String seedSource) {
            List<DatabaseInstance> instances = list(fields.get("instances"), prefix + "instances", this::instance);
            List<DtsJob> jobs = list(fields.get("jobs"), prefix + "jobs", this::job);
            List<Accounts.Account> accounts = list(fields.get("accounts"), prefix + "accounts", this::account);
            unique(fields.get("instances"), prefix + "instances", instances, DatabaseInstance::id, "id");
            unique(fields.get("jobs"), prefix + "jobs", jobs, DtsJob::dtsJobId, "dtsJobId");
            unique(fields.get("jobs"), prefix + "jobs", jobs, DtsJob::dtsInstanceId, "dtsInstanceId");
            unique(fields.get("accounts"), prefix + "accounts", accounts, Accounts.Account::id, "id");
            try {
                new Accounts(accounts);
            } catch (IllegalArgumentException e) { // an AccessKey id in two accounts
                throw fail(fields.get("accounts"), prefix + "accounts: " + e.getMessage());
            }
            return new Seed(seedSource, instances, jobs, accounts);
        }

        /** One applied change of a snapshot's history (the control spec's AppliedChange). */
        JobChange change(Node node, String where) {
            Fields c = new Fields(this, node, where, fields(node, where, CHANGE_KEYS));
            String endpoint = c.text("endpoint");
            if (!endpoint.equals("src") && !endpoint.equals("dest")) {
                throw fail(c.node("endpoint"), where + ": 'endpoint' has unknown value '" + Fields.shown(endpoint)
                        + "'; expected one of [src, dest]");
            }
            String direction = c.optional("synchronizationDirection");
            if (direction != null && !direction.equals("Forward") && !direction.equals("Reverse")) {
                throw fail(c.node("synchronizationDirection"), where + ": 'synchronizationDirection' has unknown value '"
                        + Fields.shown(direction) + "'; expected one of [Forward, Reverse]");
            }
            return JobChange.builder().version(c.whole("version", 1, Long.MAX_VALUE)).requestId(c.text("requestId"))
                    .time(c.instant("time")).side(endpoint.equals("src") ? JobSide.SOURCE : JobSide.DESTINATION)
                    .synchronizationDirection(direction).accessKeyId(c.optional("accessKeyId"))
                    .replaced(endpoint(c.node("replaced"), where + ".replaced"))
                    .replacement(endpoint(c.node("replacement"), where + ".replacement"))
                    .build();
        }

        <T> List<T> list(Node node, String where, Entry<T> entry) {
            if (node == null || isNull(node)) {
                return List.of();
            }
            if (!(node instanceof SequenceNode sequence)) {
                throw fail(node, where + ": must be a list");
            }
            List<T> out = new ArrayList<>();
            for (int i = 0; i < sequence.getValue().size(); i++) {
                out.add(entry.read(sequence.getValue().get(i), where + "[" + i + "]"));
            }
            return List.copyOf(out);
        }

        <T> void unique(Node listNode, String where, List<T> items, Function<T, String> id, String key) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < items.size(); i++) {
                if (!seen.add(id.apply(items.get(i)))) {
                    Node item = ((SequenceNode) listNode).getValue().get(i);
                    throw fail(item, where + "[" + i + "]: '" + key + "' " + id.apply(items.get(i)) + " is given twice");
                }
            }
        }

        DatabaseInstance instance(Node node, String where) {
            Fields f = new Fields(this, node, where, fields(node, where, INSTANCE_KEYS));
            InstanceType type = f.enumValue("type", InstanceType.class);
            Engine engine = f.enumValue("engine", Engine.class);
            f.requireHosts("type", type, engine);
            int shards = f.integer("shards", 0, 0, 1024);
            if (engine == Engine.MONGODB_SHARDED && shards < 1) {
                throw fail(node, where + ": 'shards' (1 to 1024) is required for a MONGODB_SHARDED instance (rule R-SHARD-COUNT compares it)");
            }
            if (engine != Engine.MONGODB_SHARDED && shards != 0) {
                throw fail(node, where + ": 'shards' is for a MONGODB_SHARDED instance only, not " + engine);
            }
            return new DatabaseInstance(f.text("id"), type, engine, f.text("region"), shards);
        }

        DtsJob job(Node node, String where) {
            Fields f = new Fields(this, node, where, fields(node, where, JOB_KEYS));
            return new DtsJob(f.text("dtsJobId"), f.text("dtsInstanceId"), f.text("region"), f.text("resourceGroupId"),
                    f.text("owner"), f.enumValue("kind", JobKind.class), f.text("status"), f.integer("latencySeconds", 0, 0, 86_400 * 365),
                    f.instant("checkpoint"), endpoint(f.node("source"), where + ".source"),
                    endpoint(f.node("destination"), where + ".destination"), 1, null);
        }

        JobEndpoint endpoint(Node node, String where) {
            Fields f = new Fields(this, node, where, fields(node, where, ENDPOINT_KEYS));
            InstanceType type = f.enumValue("type", InstanceType.class);
            Engine engine = f.enumValue("engine", Engine.class);
            f.requireHosts("type", type, engine);
            Integer port = f.has("port") ? f.integer("port", 0, 1, 65535) : null;
            return new JobEndpoint(type, engine, f.optional("instanceId"), f.optional("ip"), port, f.text("region"),
                    f.optional("database"), f.optional("username"), Secret.of(f.optionalSecret("password")),
                    f.optional("shardUsername"), Secret.of(f.optionalSecret("shardPassword")), f.optional("roleName"),
                    f.optional("aliyunUid"));
        }

        Accounts.Account account(Node node, String where) {
            Fields f = new Fields(this, node, where, fields(node, where, ACCOUNT_KEYS));
            String id = f.text("id");
            List<AccessKey> keys = new ArrayList<>(list(f.optionalNode("accessKeys"), where + ".accessKeys", (n, w) -> {
                Fields k = new Fields(this, n, w, fields(n, w, KEY_KEYS));
                return new AccessKey(k.text("id"), id, k.secret("secret"), k.bool("enabled", true), null, null);
            }));
            keys.addAll(list(f.optionalNode("temporaryCredentials"), where + ".temporaryCredentials", (n, w) -> {
                Fields k = new Fields(this, n, w, fields(n, w, TEMPORARY_KEYS));
                return new AccessKey(k.text("accessKeyId"), id, k.secret("secret"), true, k.secret("securityToken"),
                        k.instant("expires"));
            }));
            List<Accounts.Role> roles = list(f.optionalNode("roles"), where + ".roles", (n, w) -> {
                Fields r = new Fields(this, n, w, fields(n, w, ROLE_KEYS));
                return new Accounts.Role(id, r.text("name"), Set.copyOf(r.strings("grantedTo")));
            });
            Set<String> keyIds = new HashSet<>();
            for (AccessKey key : keys) {
                if (!keyIds.add(key.id())) {
                    throw fail(node, where + ": AccessKey " + key.id() + " is given twice");
                }
            }
            return new Accounts.Account(id, keys, roles);
        }

        private static boolean isNull(Node node) {
            return node instanceof ScalarNode s && "tag:yaml.org,2002:null".equals(s.getTag().getValue());
        }
    }

    @FunctionalInterface
    private interface Entry<T> {
        T read(Node node, String where);
    }

    /** The values of one mapping, each checked as it is read. */
    private record Fields(Reader reader, Node node, String where, Map<String, Node> values) {

        boolean has(String key) {
            Node value = values.get(key);
            return value != null && !Reader.isNull(value);
        }

        Node optionalNode(String key) {
            return values.get(key);
        }

        Node node(String key) {
            if (!has(key)) {
                throw reader.fail(node, where + ": '" + key + "' is missing");
            }
            return values.get(key);
        }

        private ScalarNode scalar(String key) {
            Node value = node(key);
            if (!(value instanceof ScalarNode scalar)) {
                throw reader.fail(value, where + ": '" + key + "' must be a single value");
            }
            return scalar;
        }

        String text(String key) {
            String value = scalar(key).getValue();
            if (value.isBlank()) {
                throw reader.fail(values.get(key), where + ": '" + key + "' is empty");
            }
            return value;
        }

        String optional(String key) {
            return has(key) ? scalar(key).getValue() : null;
        }

        /** A secret, literal or ${ENV_VAR}; an unset variable fails naming it (never a value). */
        String secret(String key) {
            String raw = text(key);
            if (raw.startsWith("${") && raw.endsWith("}")) {
                String variable = raw.substring(2, raw.length() - 1);
                if (!reader.environment()) {
                    throw reader.fail(values.get(key), where + ": '" + key + "' names environment variable " + shown(variable)
                            + ": ${...} is read only in seed files at start (DTS_SEED_PATH), never in a document sent to the emulator");
                }
                String value = System.getenv(variable);
                if (value == null || value.isEmpty()) {
                    throw reader.fail(values.get(key), where + ": '" + key + "' names environment variable " + variable
                            + ", which is not set");
                }
                return value;
            }
            return raw;
        }

        String optionalSecret(String key) {
            return has(key) ? secret(key) : null;
        }

        boolean bool(String key, boolean fallback) {
            if (!has(key)) {
                return fallback;
            }
            String value = scalar(key).getValue();
            if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                throw reader.fail(values.get(key), where + ": '" + key + "' must be true or false, not '" + shown(value) + "'");
            }
            return Boolean.parseBoolean(value);
        }

        /** A required whole number within the bounds. */
        long whole(String key, long min, long max) {
            String value = scalar(key).getValue();
            try {
                long n = Long.parseLong(value);
                if (n < min || n > max) {
                    throw reader.fail(values.get(key), where + ": '" + key + "' must be between " + min + " and " + max + ", not " + n);
                }
                return n;
            } catch (NumberFormatException e) {
                throw reader.fail(values.get(key), where + ": '" + key + "' must be a whole number, not '" + shown(value) + "'");
            }
        }

        /** An optional whole number within int bounds, {@code fallback} when absent. */
        int integer(String key, int fallback, int min, int max) {
            return has(key) ? (int) whole(key, min, max) : fallback;
        }

        Instant instant(String key) {
            String value = text(key);
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw reader.fail(values.get(key), where + ": '" + key + "' must be an instant like 2026-11-24T08:00:00Z, not '"
                        + shown(value) + "'");
            }
        }

        List<String> strings(String key) {
            if (!has(key)) {
                return List.of();
            }
            Node value = values.get(key);
            if (!(value instanceof SequenceNode sequence)) {
                throw reader.fail(value, where + ": '" + key + "' must be a list");
            }
            List<String> out = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                if (!(item instanceof ScalarNode s)) {
                    throw reader.fail(item, where + ": '" + key + "' must list single values");
                }
                out.add(s.getValue());
            }
            return out;
        }

        <E extends Enum<E>> E enumValue(String key, Class<E> type) {
            String raw = text(key);
            // C-INPUT: exactly as the control spec declares it (instance types in lower case, the others in upper case).
            List<String> names = java.util.Arrays.stream(type.getEnumConstants()).map(c -> type == InstanceType.class
                    ? c.name().toLowerCase(Locale.ROOT) : c.name()).toList();
            int index = names.indexOf(raw);
            if (index < 0) {
                throw reader.fail(values.get(key), where + ": '" + key + "' has unknown value '" + shown(raw) + "'; expected one of "
                        + names);
            }
            return type.getEnumConstants()[index];
        }

        void requireHosts(String key, InstanceType type, Engine engine) {
            if (!type.hosts(engine)) {
                throw reader.fail(values.get(key), where + ": an instance of type " + type.name().toLowerCase(Locale.ROOT)
                        + " cannot run engine " + engine);
            }
        }

        /** A value echoed in a message: short, so a stray secret in the wrong field is not printed whole. */
        static String shown(String value) {
            return value.length() <= 40 ? value : value.substring(0, 40) + "…";
        }
    }
}
