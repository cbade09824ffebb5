package dev.dtscontract.spec;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The build's digest of the spec holds exactly what parsing the YAML gives, and only for the text it was made from. */
class ContractDigestTest {

    private static final String TEXT = SpecContract.text();

    @Test
    void thePackagedDigest_holdsWhatParsingTheSpecGives_everyComponentOfEveryRecord() throws IOException {
        byte[] packaged = packagedDigest();
        Optional<SpecContract> read = ContractDigest.read(packaged, TEXT);
        assertTrue(read.isPresent(), "the build wrote a digest of another text or layout");
        SpecContract parsed = SpecContract.parse(TEXT);
        assertEquals(facts(parsed), facts(read.get()));
        assertEquals(List.of("ModifyDtsJobEndpoint", "DescribeDtsJobDetail"), List.copyOf(read.get().operations().keySet()));
        read.get().operations().values().forEach(o -> assertTrue(o.parameters().size() >= 17, o.action())); // not empty shells
        assertTrue(read.get().errorExamples().size() > 20);
        for (SpecContract.CatalogueEntry e : parsed.errorExamples()) {
            assertEquals(parsed.statusOf(e.code()), read.get().statusOf(e.code()), e.code());
        }
    }

    @Test
    void load_isTheSpecAsParsed() {
        assertEquals(facts(SpecContract.parse(TEXT)), facts(SpecContract.load()));
    }

    @Test
    void aDigest_isReadBack_forTheTextItWasMadeFrom_only() {
        String changed = TEXT + "# a comment: another text, the same contract\n";
        SpecContract contract = SpecContract.parse(changed);
        byte[] digest = ContractDigest.write(contract, changed);
        assertEquals(facts(contract), facts(ContractDigest.read(digest, changed).orElseThrow()));
        assertEquals(Optional.empty(), ContractDigest.read(digest, TEXT), "a digest of another text");
        String sameLength = TEXT + "# b comment: another text, the same contract\n";
        assertEquals(changed.length(), sameLength.length());
        assertEquals(Optional.empty(), ContractDigest.read(digest, sameLength), "same length, another text");
    }

    @Test
    void aDigestCutShort_orOfAnotherLayout_orWithMoreAfterIt_isNotRead() {
        byte[] digest = ContractDigest.write(SpecContract.parse(TEXT), TEXT);
        for (int cut : new int[] {0, 3, 16, digest.length / 2, digest.length - 1}) {
            assertEquals(Optional.empty(), ContractDigest.read(Arrays.copyOf(digest, cut), TEXT), "cut at " + cut);
        }
        byte[] otherLayout = digest.clone();
        otherLayout[3]++;
        assertEquals(Optional.empty(), ContractDigest.read(otherLayout, TEXT));
        assertEquals(Optional.empty(), ContractDigest.read(Arrays.copyOf(digest, digest.length + 1), TEXT));
    }

    @Test
    void aPatternsFlags_andAbsentValues_travel() {
        ParameterDefinition withFlags = new ParameterDefinition("P", true, null, List.of(), false,
                Pattern.compile("^a+$", Pattern.CASE_INSENSITIVE), true, 0, Integer.MAX_VALUE);
        SpecContract contract = SpecContract.of(Map.of("X", new SpecContract.Operation("X", "/", Map.of("P", withFlags), true)),
                List.of(new SpecContract.CatalogueEntry("C", 400, "m", null, "both")));
        SpecContract read = ContractDigest.read(ContractDigest.write(contract, "t"), "t").orElseThrow();
        assertEquals(facts(contract), facts(read));
        assertEquals(Pattern.CASE_INSENSITIVE, read.operations().get("X").parameters().get("P").pattern().flags());
    }

    private static byte[] packagedDigest() throws IOException {
        try (InputStream in = ContractDigestTest.class.getClassLoader().getResourceAsStream(ContractDigest.RESOURCE)) {
            assertNotNull(in, "the build writes " + ContractDigest.RESOURCE);
            return in.readAllBytes();
        }
    }

    /**
     * Every record component of the contract as a comparable value (a Pattern by its text and flags): a component added
     * to a record, and not to the digest, fails here.
     */
    private static Object facts(SpecContract contract) {
        List<Object> catalogue = new ArrayList<>();
        contract.errorExamples().forEach(e -> catalogue.add(components(e)));
        return List.of(components(contract.operations()), catalogue);
    }

    private static Object components(Object value) {
        if (value instanceof Pattern p) {
            return List.of(p.pattern(), p.flags());
        }
        if (value instanceof Map<?, ?> map) { // as a list: the spec's order counts
            List<Object> out = new ArrayList<>();
            map.forEach((k, v) -> out.add(List.of(k, components(v))));
            return out;
        }
        if (value == null || !value.getClass().isRecord()) {
            return value;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordComponent c : value.getClass().getRecordComponents()) {
            try {
                out.put(c.getName(), components(c.getAccessor().invoke(value)));
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
        return out;
    }
}
