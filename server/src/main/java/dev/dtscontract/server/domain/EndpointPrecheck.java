package dev.dtscontract.server.domain;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

import static dev.dtscontract.server.domain.JobLocator.blankToNull;

/**
 * The precheck of a new endpoint against a job: every rule of the spec that concerns the database being
 * replaced. Returns the endpoint that would replace the current one, or throws the first rule broken.
 */
final class EndpointPrecheck {

    /** R-POSTGRESQL-LATENCY: a source PostgreSQL may be replaced only below this latency. */
    static final int POSTGRESQL_MAX_LATENCY_SECONDS = 30;

    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,5}");
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

    private final InstanceCatalogue catalogue;

    EndpointPrecheck(InstanceCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** The side of the job a request changes, and the endpoint that passed the precheck for it. */
    record Replacement(JobSide side, JobEndpoint endpoint) {
    }

    /** The job side a request changes; R-DIRECTION. */
    private static JobSide targetSide(DtsJob job, ModifyEndpointCommand command) {
        return JobLocator.requireTask(job, command.direction()) == Direction.REVERSE ? command.side().reversed() : command.side();
    }

    Replacement check(DtsJob job, ModifyEndpointCommand command) {
        JobSide side = targetSide(job, command);
        JobEndpoint current = job.endpoint(side);
        InstanceType type = command.instanceType();

        requireAccountWhenModified(command);
        Integer port = port(command.endpointPort());
        String ip = ip(command.endpointIp());
        String instanceId = identify(type, command.endpointInstanceId(), ip, port);
        onlySourceForDistributedMongoDb(type, command.side());
        Engine engine = engineOfNewEndpoint(type, instanceId, command.endpointRegionId(), current);
        sameEngineFamily(current, engine);
        sameShardCount(current, type, instanceId);
        String database = database(engine, command.database());
        boolean shardAccount = side == JobSide.SOURCE && engine == Engine.MONGODB_SHARDED;
        requireShardAccountWhenModified(command, shardAccount);
        latencyBelowLimitForSourcePostgreSql(job, side, current);

        String region = blankToNull(command.endpointRegionId()) != null ? command.endpointRegionId()
                : type.isCloudInstance() ? catalogue.find(instanceId).map(DatabaseInstance::region).orElse(job.regionId())
                : current.region();
        boolean newAccount = command.modifyAccount();
        return new Replacement(side, new JobEndpoint(type, engine,
                type.identity() == InstanceType.Identity.IP_AND_PORT ? null : instanceId,
                type.identity() == InstanceType.Identity.IP_AND_PORT ? ip : null,
                type.identity() == InstanceType.Identity.INSTANCE_ID ? null : port,
                region, database,
                newAccount ? command.username() : current.username(),
                newAccount ? command.password() : current.password(),
                newAccount && shardAccount ? command.shardUsername() : current.shardUsername(),
                newAccount && shardAccount ? command.shardPassword() : current.shardPassword(),
                blankToNull(command.roleName()) != null ? command.roleName() : current.roleName(),
                blankToNull(command.aliyunUid()) != null ? command.aliyunUid() : current.aliyunUid()));
    }

    /** R-ACCOUNT-REQUIRED (R-ACCOUNT-ONLY-WITH-MODIFY: without ModifyAccount they are ignored). */
    private static void requireAccountWhenModified(ModifyEndpointCommand command) {
        if (!command.modifyAccount()) {
            return;
        }
        if (blankToNull(command.username()) == null) {
            throw RuleViolation.missing("R-ACCOUNT-REQUIRED", "Username");
        }
        if (command.password() == null) {
            throw RuleViolation.missing("R-ACCOUNT-REQUIRED", "Password");
        }
    }

    /** R-SHARD-ACCOUNT. */
    private static void requireShardAccountWhenModified(ModifyEndpointCommand command, boolean shardAccount) {
        if (!command.modifyAccount() || !shardAccount) {
            return;
        }
        if (blankToNull(command.shardUsername()) == null) {
            throw RuleViolation.missing("R-SHARD-ACCOUNT", "ShardUsername");
        }
        if (command.shardPassword() == null) {
            throw RuleViolation.missing("R-SHARD-ACCOUNT", "ShardPassword");
        }
    }

    /** R-PORT. */
    private static Integer port(String raw) {
        if (blankToNull(raw) == null) {
            return null;
        }
        if (!DECIMAL.matcher(raw).matches() || Integer.parseInt(raw) < 1 || Integer.parseInt(raw) > 65535) {
            throw RuleViolation.invalid("R-PORT", "EndpointPort", "\"" + Printable.of(raw) + "\" is not a port from 1 to 65535.");
        }
        return Integer.parseInt(raw);
    }

    /** R-IP. */
    private static String ip(String raw) {
        if (blankToNull(raw) == null) {
            return null;
        }
        if (IPV4.matcher(raw).matches() || (raw.contains(":") && IPV6_CHARS.matcher(raw).matches() && parses(raw))) {
            return raw;
        }
        throw RuleViolation.invalid("R-IP", "EndpointIp", "\"" + Printable.of(raw) + "\" is not an IPv4 or IPv6 address.");
    }

    private static boolean parses(String literal) {
        try {
            InetAddress.getByName(literal); // a literal with ':' only: no name lookup happens
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** R-ENDPOINT-IDENTITY: the identifiers the instance type requires. Returns the instance id, if any. */
    private static String identify(InstanceType type, String instanceId, String ip, Integer port) {
        String id = blankToNull(instanceId);
        switch (type.identity()) {
            case INSTANCE_ID -> require(id != null, "EndpointInstanceId is required for EndpointInstanceType " + name(type) + ".");
            case INSTANCE_ID_AND_PORT -> require(id != null && port != null,
                    "EndpointInstanceId and EndpointPort are required for EndpointInstanceType ecs.");
            case IP_AND_PORT -> require(ip != null && port != null,
                    "EndpointIp and EndpointPort are required for EndpointInstanceType " + name(type) + ".");
        }
        return id;
    }

    /** R-DISTRIBUTED-MONGODB-SOURCE. */
    private static void onlySourceForDistributedMongoDb(InstanceType type, JobSide requestedSide) {
        if (type == InstanceType.DISTRIBUTED_MONGODB && requestedSide != JobSide.SOURCE) {
            throw new RuleViolation("R-DISTRIBUTED-MONGODB-SOURCE", ErrorCode.INVALID_ENDPOINT,
                    "The endpoint is invalid: distributed_mongodb can only be a source.");
        }
    }

    /** R-ENDPOINT-EXISTS for cloud and ECS instances; a self-managed database keeps the engine it replaces. */
    private Engine engineOfNewEndpoint(InstanceType type, String instanceId, String endpointRegionId, JobEndpoint current) {
        if (instanceId == null) {
            return current.engine();
        }
        DatabaseInstance instance = catalogue.find(instanceId)
                .filter(found -> blankToNull(endpointRegionId) == null || found.region().equals(endpointRegionId))
                .orElseThrow(() -> new RuleViolation("R-ENDPOINT-EXISTS", ErrorCode.ENDPOINT_INSTANCE_NOT_FOUND));
        if (instance.type() != type) {
            throw new RuleViolation("R-ENDPOINT-ENGINE", ErrorCode.INVALID_ENDPOINT,
                    "The endpoint is invalid: instance " + instanceId + " is not of type " + name(type) + ".");
        }
        return type == InstanceType.ECS ? current.engine() : instance.engine();
    }

    /** R-ENDPOINT-ENGINE. */
    private static void sameEngineFamily(JobEndpoint current, Engine engine) {
        if (current.engine().family() != engine.family()) {
            throw new RuleViolation("R-ENDPOINT-ENGINE", ErrorCode.INVALID_ENDPOINT,
                    "The endpoint is invalid: a " + current.engine() + " database cannot be replaced by " + engine + ".");
        }
    }

    /** R-SHARD-COUNT: a sharded MongoDB is replaced by a cluster with as many shards. */
    private void sameShardCount(JobEndpoint current, InstanceType type, String instanceId) {
        if (current.engine() != Engine.MONGODB_SHARDED || instanceId == null || !type.isCloudInstance()) {
            return;
        }
        // A self-managed cluster being replaced (reached by IP, no instance id) has no shard count anyone gave the
        // emulator: the spec's R-SHARD-COUNT says it is not compared. Every catalogued cluster has a count (the seed and
        // the control API require it); a cluster the emulator cannot count is refused, never passed.
        if (current.instanceId() == null) {
            return;
        }
        int before = shardCount(current.instanceId());
        int after = shardCount(instanceId);
        if (before != after) {
            throw new RuleViolation("R-SHARD-COUNT", ErrorCode.SHARD_COUNT_MISMATCH);
        }
    }

    /** The shards of a catalogued cluster; one the emulator cannot count breaks R-SHARD-COUNT (fail closed). */
    private int shardCount(String instanceId) {
        int shards = catalogue.find(instanceId).map(DatabaseInstance::shardCount).orElse(0);
        if (shards < 1) {
            throw new RuleViolation("R-SHARD-COUNT", ErrorCode.SHARD_COUNT_MISMATCH,
                    "The number of shards of " + instanceId + " is not known, so the shard counts cannot be compared.");
        }
        return shards;
    }

    /** R-DATABASE: required for the PostgreSQL family, AnalyticDB for PostgreSQL and MongoDB; ignored otherwise. */
    private static String database(Engine engine, String database) {
        if (!engine.needsDatabase()) {
            return null;
        }
        if (blankToNull(database) == null) {
            throw RuleViolation.missing("R-DATABASE", "Database");
        }
        return database;
    }

    /** R-POSTGRESQL-LATENCY. */
    private static void latencyBelowLimitForSourcePostgreSql(DtsJob job, JobSide side, JobEndpoint current) {
        if (side == JobSide.SOURCE && current.engine().isPostgreSql() && job.latencySeconds() >= POSTGRESQL_MAX_LATENCY_SECONDS) {
            throw new RuleViolation("R-POSTGRESQL-LATENCY", ErrorCode.LATENCY_TOO_HIGH);
        }
    }

    private static void require(boolean condition, String reason) {
        if (!condition) {
            throw new RuleViolation("R-ENDPOINT-IDENTITY", ErrorCode.INVALID_ENDPOINT, "The endpoint is invalid: " + reason);
        }
    }

    private static String name(InstanceType type) {
        return type.name().toLowerCase(java.util.Locale.ROOT);
    }
}
