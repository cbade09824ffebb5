package dev.dtscontract.server.domain;

/** Builds commands for tests: starts from the document's sample request and changes one thing at a time. */
final class Commands {

    Actor caller = new Actor.Account("1507800203001111", "LTAI5tTestCallerKey0001"); // the demo account, owner of the document's job
    String requestId = "0D0E9C70-5B3A-4C4E-9A34-000000000001";
    String regionId = "cn-hangzhou";
    String resourceGroupId;
    String dtsJobId;
    String dtsInstanceId = "dtsaw012y2g15q****";
    Direction direction;
    JobSide side = JobSide.SOURCE;
    InstanceType instanceType = InstanceType.RDS;
    String endpointRegionId;
    String endpointInstanceId = "rm-bp10k50h8374w****";
    String endpointIp;
    String endpointPort;
    boolean modifyAccount;
    String username = "dtstest";
    String password = "DTStest****";
    String database;
    String shardUsername;
    String shardPassword;
    String roleName;
    String aliyunUid;
    boolean dryRun;
    Boolean zeroEtlJob;

    static Commands documentedSample() {
        Commands c = new Commands();
        c.dryRun = true;
        return c;
    }

    /** The document's sample, applied rather than dry-run. */
    static Commands applied() {
        return new Commands();
    }

    /** A request for another seeded job, by DtsJobId, with nothing else set. */
    static Commands forJob(String dtsJobId) {
        Commands c = new Commands();
        c.dtsInstanceId = null;
        c.dtsJobId = dtsJobId;
        c.endpointInstanceId = null;
        c.username = null;
        c.password = null;
        return c;
    }

    ModifyEndpointCommand build() {
        return ModifyEndpointCommand.builder().actor(caller).requestId(requestId).regionId(regionId).resourceGroupId(resourceGroupId)
                .dtsJobId(dtsJobId).dtsInstanceId(dtsInstanceId).direction(direction).side(side).instanceType(instanceType)
                .endpointRegionId(endpointRegionId).endpointInstanceId(endpointInstanceId).endpointIp(endpointIp)
                .endpointPort(endpointPort).modifyAccount(modifyAccount).username(username).password(Secret.of(password))
                .database(database).shardUsername(shardUsername).shardPassword(Secret.of(shardPassword)).roleName(roleName)
                .aliyunUid(aliyunUid).dryRun(dryRun).zeroEtlJob(zeroEtlJob).build();
    }
}
