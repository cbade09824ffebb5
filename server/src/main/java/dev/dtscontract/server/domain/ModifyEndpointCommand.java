package dev.dtscontract.server.domain;

import java.util.Objects;

/**
 * A ModifyDtsJobEndpoint request in domain terms, built by name ({@link #builder()}): no two values can be swapped by
 * their order. Parameters the API marks optional may be null; {@code direction} defaults to FORWARD. Secrets are
 * {@link Secret}s, so nothing here prints them. {@code actor}, {@code side} and {@code instanceType} are required.
 */
public final class ModifyEndpointCommand {
    private final Actor actor;
    private final String requestId;
    private final String regionId;
    private final String resourceGroupId;
    private final String dtsJobId;
    private final String dtsInstanceId;
    private final Direction direction;
    private final JobSide side;
    private final InstanceType instanceType;
    private final String endpointRegionId;
    private final String endpointInstanceId;
    private final String endpointIp;
    private final String endpointPort;
    private final boolean modifyAccount;
    private final String username;
    private final Secret password;
    private final String database;
    private final String shardUsername;
    private final Secret shardPassword;
    private final String roleName;
    private final String aliyunUid;
    private final boolean dryRun;
    private final Boolean zeroEtlJob;

    private ModifyEndpointCommand(Builder b) {
        this.actor = Objects.requireNonNull(b.actor, "actor");
        this.side = Objects.requireNonNull(b.side, "side");
        this.instanceType = Objects.requireNonNull(b.instanceType, "instanceType");
        this.direction = b.direction;
        this.requestId = b.requestId;
        this.regionId = b.regionId;
        this.resourceGroupId = b.resourceGroupId;
        this.dtsJobId = b.dtsJobId;
        this.dtsInstanceId = b.dtsInstanceId;
        this.endpointRegionId = b.endpointRegionId;
        this.endpointInstanceId = b.endpointInstanceId;
        this.endpointIp = b.endpointIp;
        this.endpointPort = b.endpointPort;
        this.modifyAccount = b.modifyAccount;
        this.username = b.username;
        this.password = b.password;
        this.database = b.database;
        this.shardUsername = b.shardUsername;
        this.shardPassword = b.shardPassword;
        this.roleName = b.roleName;
        this.aliyunUid = b.aliyunUid;
        this.dryRun = b.dryRun;
        this.zeroEtlJob = b.zeroEtlJob;
    }

    /** A command to build, each value set by its name. */
    public static Builder builder() {
        return new Builder();
    }

    /** Who sent it, as authentication established it: never null, never a default. */
    public Actor actor() {
        return actor;
    }

    /** The id of the request, which its answer, the journal and the job's history cite. */
    public String requestId() {
        return requestId;
    }

    public String regionId() {
        return regionId;
    }

    public String resourceGroupId() {
        return resourceGroupId;
    }

    public String dtsJobId() {
        return dtsJobId;
    }

    public String dtsInstanceId() {
        return dtsInstanceId;
    }

    /** The task the request changes: FORWARD unless the request says REVERSE. */
    public Direction direction() {
        return direction == null ? Direction.FORWARD : direction;
    }

    /** SynchronizationDirection as the request gave it; empty when it gave none. */
    public java.util.Optional<Direction> requestedDirection() {
        return java.util.Optional.ofNullable(direction);
    }

    /** Which database of the task is changed. */
    public JobSide side() {
        return side;
    }

    public InstanceType instanceType() {
        return instanceType;
    }

    public String endpointRegionId() {
        return endpointRegionId;
    }

    public String endpointInstanceId() {
        return endpointInstanceId;
    }

    public String endpointIp() {
        return endpointIp;
    }

    public String endpointPort() {
        return endpointPort;
    }

    public boolean modifyAccount() {
        return modifyAccount;
    }

    public String username() {
        return username;
    }

    public Secret password() {
        return password;
    }

    public String database() {
        return database;
    }

    public String shardUsername() {
        return shardUsername;
    }

    public Secret shardPassword() {
        return shardPassword;
    }

    public String roleName() {
        return roleName;
    }

    public String aliyunUid() {
        return aliyunUid;
    }

    public boolean dryRun() {
        return dryRun;
    }

    /** As sent, null when absent; no rule of this operation depends on it. */
    public Boolean zeroEtlJob() {
        return zeroEtlJob;
    }

    /** The values of a command, set by name. */
    public static final class Builder {
        private Actor actor;
        private String requestId;
        private String regionId;
        private String resourceGroupId;
        private String dtsJobId;
        private String dtsInstanceId;
        private Direction direction;
        private JobSide side;
        private InstanceType instanceType;
        private String endpointRegionId;
        private String endpointInstanceId;
        private String endpointIp;
        private String endpointPort;
        private boolean modifyAccount;
        private String username;
        private Secret password;
        private String database;
        private String shardUsername;
        private Secret shardPassword;
        private String roleName;
        private String aliyunUid;
        private boolean dryRun;
        private Boolean zeroEtlJob;

        private Builder() {
        }

        public Builder actor(Actor actor) {
            this.actor = actor;
            return this;
        }

        public Builder requestId(String requestId) {
            this.requestId = requestId;
            return this;
        }

        public Builder regionId(String regionId) {
            this.regionId = regionId;
            return this;
        }

        public Builder resourceGroupId(String resourceGroupId) {
            this.resourceGroupId = resourceGroupId;
            return this;
        }

        public Builder dtsJobId(String dtsJobId) {
            this.dtsJobId = dtsJobId;
            return this;
        }

        public Builder dtsInstanceId(String dtsInstanceId) {
            this.dtsInstanceId = dtsInstanceId;
            return this;
        }

        public Builder direction(Direction direction) {
            this.direction = direction;
            return this;
        }

        public Builder side(JobSide side) {
            this.side = side;
            return this;
        }

        public Builder instanceType(InstanceType instanceType) {
            this.instanceType = instanceType;
            return this;
        }

        public Builder endpointRegionId(String endpointRegionId) {
            this.endpointRegionId = endpointRegionId;
            return this;
        }

        public Builder endpointInstanceId(String endpointInstanceId) {
            this.endpointInstanceId = endpointInstanceId;
            return this;
        }

        public Builder endpointIp(String endpointIp) {
            this.endpointIp = endpointIp;
            return this;
        }

        public Builder endpointPort(String endpointPort) {
            this.endpointPort = endpointPort;
            return this;
        }

        public Builder modifyAccount(boolean modifyAccount) {
            this.modifyAccount = modifyAccount;
            return this;
        }

        public Builder username(String username) {
            this.username = username;
            return this;
        }

        public Builder password(Secret password) {
            this.password = password;
            return this;
        }

        public Builder database(String database) {
            this.database = database;
            return this;
        }

        public Builder shardUsername(String shardUsername) {
            this.shardUsername = shardUsername;
            return this;
        }

        public Builder shardPassword(Secret shardPassword) {
            this.shardPassword = shardPassword;
            return this;
        }

        public Builder roleName(String roleName) {
            this.roleName = roleName;
            return this;
        }

        public Builder aliyunUid(String aliyunUid) {
            this.aliyunUid = aliyunUid;
            return this;
        }

        public Builder dryRun(boolean dryRun) {
            this.dryRun = dryRun;
            return this;
        }

        public Builder zeroEtlJob(Boolean zeroEtlJob) {
            this.zeroEtlJob = zeroEtlJob;
            return this;
        }

        public ModifyEndpointCommand build() {
            return new ModifyEndpointCommand(this);
        }
    }
}
