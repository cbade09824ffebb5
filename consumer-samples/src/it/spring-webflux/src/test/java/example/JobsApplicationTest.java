package example;

import dev.dtscontract.emulator.control.model.Engine;
import dev.dtscontract.emulator.control.model.InstanceType;
import dev.dtscontract.emulator.control.model.JobView;
import dev.dtscontract.emulator.control.model.JournalEntry;
import dev.dtscontract.emulator.control.model.Outcome;
import dev.dtscontract.emulator.junit.DtsEmulatorExtension;
import dev.dtscontract.emulator.junit.EmulatorControl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.junit.jupiter.api.Assertions.assertEquals;

// tag::spring-test[]
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JobsApplicationTest {

    @RegisterExtension // the emulator as its own process: its Micronaut and Netty never meet Spring's
    static DtsEmulatorExtension dts = DtsEmulatorExtension.newInstance().outOfProcess().build();

    @DynamicPropertySource // the application's client talks to the emulator, signed with its demo AccessKey
    static void emulator(DynamicPropertyRegistry properties) {
        properties.add("dts.endpoint", () -> dts.url().toString());
        properties.add("dts.access-key-id", () -> DtsEmulatorExtension.DEMO_ACCESS_KEY_ID);
        properties.add("dts.access-key-secret", () -> DtsEmulatorExtension.DEMO_ACCESS_KEY_SECRET);
    }

    @Autowired
    WebTestClient web;

    @Test
    void movingTheSource_throughTheService_changesTheJob(EmulatorControl control) {
        control.putInstance("rm-orders-new-01", InstanceType.RDS, Engine.MYSQL, "cn-hangzhou");

        web.post().uri("/jobs/m4312mab158****/source/rm-orders-new-01").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.requestId").isNotEmpty();

        JobView job = control.job("m4312mab158****");
        assertEquals("rm-orders-new-01", job.getSource().getInstanceId());
        assertEquals(2L, job.getVersion());
        JournalEntry sent = control.journalOf("m4312mab158****").get(0);
        assertEquals(Outcome.APPLIED, sent.getOutcome());
        assertEquals("src", sent.getParameters().get("Endpoint"), "as the client sends it");
        assertEquals("rm-orders-new-01", sent.getParameters().get("EndpointInstanceId"));

        web.get().uri("/jobs/m4312mab158****").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("Modifying")
                .jsonPath("$.source").isEqualTo("rm-orders-new-01");
    }
}
// end::spring-test[]
