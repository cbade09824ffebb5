package dev.dtscontract.server.domain;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A command is built by name: each value set reaches the field of its name, whatever the order of the calls. */
class ModifyEndpointCommandTest {

    private static final Actor CALLER = new Actor.Account("account-1", "key-2");

    @Test
    void everyValue_reachesTheFieldOfItsName() {
        ModifyEndpointCommand c = ModifyEndpointCommand.builder().zeroEtlJob(true).dryRun(true).aliyunUid("uid-20")
                .roleName("role-19").shardPassword(Secret.of("shard-secret-18")).shardUsername("shard-user-17").database("db-16")
                .password(Secret.of("secret-15")).username("user-14").modifyAccount(true).endpointPort("3306").endpointIp("10.0.0.12")
                .endpointInstanceId("instance-11").endpointRegionId("region-10").instanceType(InstanceType.POLARDB)
                .side(JobSide.DESTINATION).direction(Direction.REVERSE).dtsInstanceId("dts-instance-6").dtsJobId("job-5")
                .resourceGroupId("rg-4").regionId("region-3").requestId("request-2").actor(CALLER).build();
        assertAll(
                () -> assertEquals(CALLER, c.actor()),
                () -> assertEquals("request-2", c.requestId()),
                () -> assertEquals("region-3", c.regionId()),
                () -> assertEquals("rg-4", c.resourceGroupId()),
                () -> assertEquals("job-5", c.dtsJobId()),
                () -> assertEquals("dts-instance-6", c.dtsInstanceId()),
                () -> assertEquals(Direction.REVERSE, c.direction()),
                () -> assertEquals(Optional.of(Direction.REVERSE), c.requestedDirection()),
                () -> assertEquals(JobSide.DESTINATION, c.side()),
                () -> assertEquals(InstanceType.POLARDB, c.instanceType()),
                () -> assertEquals("region-10", c.endpointRegionId()),
                () -> assertEquals("instance-11", c.endpointInstanceId()),
                () -> assertEquals("10.0.0.12", c.endpointIp()),
                () -> assertEquals("3306", c.endpointPort()),
                () -> assertTrue(c.modifyAccount()),
                () -> assertEquals("user-14", c.username()),
                () -> assertTrue(c.password().matches("secret-15")),
                () -> assertEquals("db-16", c.database()),
                () -> assertEquals("shard-user-17", c.shardUsername()),
                () -> assertTrue(c.shardPassword().matches("shard-secret-18")),
                () -> assertEquals("role-19", c.roleName()),
                () -> assertEquals("uid-20", c.aliyunUid()),
                () -> assertTrue(c.dryRun()),
                () -> assertEquals(Boolean.TRUE, c.zeroEtlJob()));
    }

    @Test
    void direction_isForwardUnlessGiven_andSaysWhetherItWasGiven() {
        ModifyEndpointCommand c = minimal().build();
        assertEquals(Direction.FORWARD, c.direction());
        assertEquals(Optional.empty(), c.requestedDirection());
        assertNull(c.zeroEtlJob());
        assertEquals(Optional.of(Direction.FORWARD), minimal().direction(Direction.FORWARD).build().requestedDirection());
    }

    @Test
    void actorSideAndInstanceType_areRequired() {
        assertThrows(NullPointerException.class, () -> minimal().actor(null).build());
        assertThrows(NullPointerException.class, () -> minimal().side(null).build());
        assertThrows(NullPointerException.class, () -> minimal().instanceType(null).build());
    }

    @Test
    void anAccount_isNeverWithoutItsIds_andOnlyAuthenticationOffHasNone() {
        assertThrows(NullPointerException.class, () -> new Actor.Account(null, "key"));
        assertThrows(NullPointerException.class, () -> new Actor.Account("account", null));
        assertEquals(Optional.of("account-1"), CALLER.accountId());
        assertEquals(Optional.of("key-2"), CALLER.accessKeyId());
        assertEquals(Optional.empty(), Actor.AuthenticationOff.ANYONE.accountId());
        assertEquals(Optional.empty(), Actor.AuthenticationOff.ANYONE.accessKeyId());
    }

    private static ModifyEndpointCommand.Builder minimal() {
        return ModifyEndpointCommand.builder().actor(CALLER).side(JobSide.SOURCE).instanceType(InstanceType.RDS);
    }
}
