package dev.dtscontract.server.domain;

import java.util.EnumSet;
import java.util.Set;

/** How DTS reaches a database (the API's EndpointInstanceType), and what identifies it (R-ENDPOINT-IDENTITY). */
public enum InstanceType {
    RDS(Identity.INSTANCE_ID, EnumSet.of(Engine.MYSQL, Engine.SQLSERVER, Engine.POSTGRESQL)),
    POLARDB(Identity.INSTANCE_ID, EnumSet.of(Engine.POLARDB_MYSQL, Engine.POLARDB_POSTGRESQL)),
    MONGODB(Identity.INSTANCE_ID, EnumSet.of(Engine.MONGODB_REPLICA_SET, Engine.MONGODB_SHARDED)),
    DISTRIBUTED_MONGODB(Identity.INSTANCE_ID, EnumSet.of(Engine.MONGODB_SHARDED)),
    GREENPLUM(Identity.INSTANCE_ID, EnumSet.of(Engine.ANALYTICDB_POSTGRESQL)),
    KAFKA(Identity.INSTANCE_ID, EnumSet.of(Engine.KAFKA)),
    ECS(Identity.INSTANCE_ID_AND_PORT, EnumSet.allOf(Engine.class)),
    EXPRESS(Identity.IP_AND_PORT, EnumSet.allOf(Engine.class)),
    OTHER(Identity.IP_AND_PORT, EnumSet.allOf(Engine.class));

    /** What a request must give to name a database of this type. */
    public enum Identity { INSTANCE_ID, INSTANCE_ID_AND_PORT, IP_AND_PORT }

    private final Identity identity;
    private final Set<Engine> engines;

    InstanceType(Identity identity, Set<Engine> engines) {
        this.identity = identity;
        this.engines = engines;
    }

    public Identity identity() {
        return identity;
    }

    /** Whether the catalogue must hold the database (a managed cloud instance). */
    public boolean isCloudInstance() {
        return identity == Identity.INSTANCE_ID;
    }

    /** Whether a database of this type can run the given engine. */
    public boolean hosts(Engine engine) {
        return engines.contains(engine);
    }
}
