package dev.dtscontract.server.domain;

import dev.dtscontract.server.auth.Caller;
import dev.dtscontract.server.auth.TestCallers;

/** Builds commands for tests: starts from the document's sample request and changes one thing at a time. */
final class Commands {

    Caller caller = TestCallers.account("1507800203001111"); // the demo account, owner of the document's job
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
        return new ModifyEndpointCommand(caller, regionId, resourceGroupId, dtsJobId, dtsInstanceId, direction, side, instanceType,
                endpointRegionId, endpointInstanceId, endpointIp, endpointPort, modifyAccount, username, Secret.of(password),
                database, shardUsername, Secret.of(shardPassword), roleName, aliyunUid, dryRun, zeroEtlJob);
    }
}
