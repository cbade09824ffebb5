package dev.dtscontract.server.seed;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeedLoaderTest {

    @Test
    void defaultSeed_holdsTheDocumentsJobVerbatim() {
        Seed seed = SeedLoader.loadDefault();
        assertTrue(seed.jobs().stream().anyMatch(j ->
                j.dtsJobId().equals("m4312mab158****") && j.dtsInstanceId().equals("dtsaw012y2g15q****")));
        assertTrue(seed.instances().stream().anyMatch(i -> i.id().equals("rm-bp10k50h8374w****")));
    }

    @Test
    void defaultSeed_coversTwoRegionsAndTwoResourceGroups() {
        Seed seed = SeedLoader.loadDefault();
        assertTrue(seed.jobs().stream().map(j -> j.regionId()).distinct().count() >= 2);
        assertTrue(seed.jobs().stream().map(j -> j.resourceGroupId()).distinct().count() >= 2);
    }

    @Test
    void badEntry_failsNamingTheEntryAndField() {
        String yaml = "instances:\n  - {id: x, type: mainframe, engine: MYSQL, region: r}\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SeedLoader.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml"));
        assertEquals("test.yaml instances[0]: 'type' has unknown value 'mainframe'", e.getMessage());
    }

    @Test
    void missingField_failsNamingIt() {
        String yaml = "jobs:\n  - {dtsJobId: j1}\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SeedLoader.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml"));
        assertEquals("test.yaml jobs[0]: 'dtsInstanceId' is missing", e.getMessage());
    }
}
