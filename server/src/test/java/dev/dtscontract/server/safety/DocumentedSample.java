package dev.dtscontract.server.safety;

import dev.dtscontract.server.auth.TestSigner;
import dev.dtscontract.spec.SpecContract;

import java.util.LinkedHashMap;
import java.util.Map;

/** The document's sample request, read from the spec (ModifyDtsJobEndpointDocumentedSample), and changes made of it. */
final class DocumentedSample {

    private static final String ID = "ModifyDtsJobEndpointDocumentedSample";

    private DocumentedSample() {
    }

    /** Its parameters as the spec gives them (a dry run), in a map the caller may change. */
    static Map<String, String> parameters() {
        return new LinkedHashMap<>(SpecContract.requestExample(ID));
    }

    /** The sample moving the job's source to {@code instanceId}, a dry run or applied. */
    static Map<String, String> change(String instanceId, boolean dryRun) {
        Map<String, String> p = parameters();
        p.put("EndpointInstanceId", instanceId);
        p.put("DryRun", String.valueOf(dryRun));
        return p;
    }

    /** The sample as a signed query (demo key, fresh nonce). */
    static String signedQuery() {
        return TestSigner.sign("GET", parameters());
    }
}
