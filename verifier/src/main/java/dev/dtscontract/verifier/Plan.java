package dev.dtscontract.verifier;

import dev.dtscontract.signing.SignedRequest;
import dev.dtscontract.spec.SpecContract;
import dev.dtscontract.spec.SpecExamples;
import dev.dtscontract.spec.SpecExamples.RequestExample;
import dev.dtscontract.spec.SpecExamples.ResponseExample;
import dev.dtscontract.verifier.Check.Alteration;
import dev.dtscontract.verifier.Check.Signature;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the verifier sends, read from the spec: every request example that applies to a server, needs no x-send and
 * changes nothing (a read, or a dry run), as a GET and, where the spec documents an XML answer, with Format=XML; each
 * operation's documented sample as a POST with the query and with a form body, as the Java and Node SDKs send it; and
 * probes of the rules a provider must honour beyond any fixed answer (a signature made with the wrong secret, a replayed
 * nonce, a job nobody has, for a change and for a read, enum values in another case).
 */
public final class Plan {

    public static final String SAMPLE = "ModifyDtsJobEndpointDocumentedSample";
    /** The read a polling client repeats, whose unknown-job probe the plan sends. */
    public static final String READ = "DescribeDtsJobDetail";
    public static final String PROBE_WRONG_SECRET = "probe-wrong-secret";
    public static final String PROBE_REPLAY = "probe-nonce-replay";
    public static final String PROBE_UNKNOWN_JOB = "probe-unknown-job";
    public static final String PROBE_READ_UNKNOWN_JOB = "probe-read-unknown-job";
    public static final String PROBE_ENUM_CASE = "probe-enum-case";
    private static final String JSON = "application/json";
    private static final String XML = "application/xml";

    private Plan() {
    }

    /**
     * Whether the verifier sends this request example: one for servers that changes nothing (a read, or a dry run), sent
     * as a plain request of its parameters. Not one sent another way (x-send: another method, AccessKey, body, emulator
     * setting, fault; the contract tests' harness does that), nor a change applied for real, which is nothing to do to a
     * provider under verification.
     */
    public static boolean checks(RequestExample request) {
        return request.appliesTo("server") && request.send().isEmpty() && request.changesNothing();
    }

    /** The id of an operation's documented sample: {@code <Action>DocumentedSample}. */
    public static String sampleOf(String action) {
        return action + "DocumentedSample";
    }

    /** Every check, in the order they run. */
    public static List<Check> all(SpecExamples spec, Signature asked) {
        List<Check> checks = new ArrayList<>();
        for (RequestExample request : spec.requests()) {
            if (!checks(request)) {
                continue;
            }
            Signature signature = asked;
            String why = null;
            if (SignedRequest.setsRpcCommonParameter(request.parameters())) {
                signature = Signature.V2;
                why = asked == Signature.V2 ? null : "the example sets a common parameter of the RPC signature";
            }
            ResponseExample json = spec.response(request.id(), JSON);
            checks.add(new Check(request.id(), request.id(), json.rule().orElse(null), "GET", request.parameters(), false,
                    signature, why, Alteration.NONE, json, false));
            Signature xmlSignature = signature;
            String xmlWhy = why;
            spec.findResponse(request.id(), XML).ifPresent(xml -> {
                Map<String, String> parameters = new LinkedHashMap<>(request.parameters());
                parameters.put("Format", "XML");
                checks.add(new Check(request.id() + " (XML)", request.id(), xml.rule().orElse(null), "GET", parameters, false,
                        xmlSignature, xmlWhy, Alteration.NONE, xml, false));
            });
        }
        for (String action : SpecContract.load().operations().keySet()) {
            String id = sampleOf(action);
            RequestExample documented = spec.request(id);
            ResponseExample answer = spec.response(id, JSON);
            checks.add(new Check(id + " (POST, query)", id, null, "POST", documented.parameters(), false, asked, null,
                    Alteration.NONE, answer, false));
            checks.add(new Check(id + " (POST, form)", id, null, "POST", documented.parameters(), true, asked, null,
                    Alteration.NONE, answer, false));
        }
        RequestExample sample = spec.request(SAMPLE);
        ResponseExample ok = spec.response(SAMPLE, JSON);

        ResponseExample badSignature = spec.response("ModifyDtsJobEndpointSignatureDoesNotMatch", JSON);
        checks.add(new Check(PROBE_WRONG_SECRET, PROBE_WRONG_SECRET, badSignature.rule().orElseThrow(), "GET",
                sample.parameters(), false, asked, null, Alteration.WRONG_SECRET, badSignature, true));
        ResponseExample nonceUsed = spec.response("ModifyDtsJobEndpointSignatureNonceUsed", JSON);
        checks.add(new Check(PROBE_REPLAY, PROBE_REPLAY, nonceUsed.rule().orElseThrow(), "GET", sample.parameters(), false,
                asked, null, Alteration.REPLAY, nonceUsed, true));
        ResponseExample noJob = spec.response("ModifyDtsJobEndpointInvalidDtsJobIdNotFound", JSON);
        Map<String, String> unknownJob = new LinkedHashMap<>(sample.parameters());
        unknownJob.put("DtsInstanceId", "dtsverifier" + Long.toString(System.nanoTime() & 0xffffffL, 36));
        checks.add(new Check(PROBE_UNKNOWN_JOB, PROBE_UNKNOWN_JOB, noJob.rule().orElseThrow(), "GET", unknownJob, false,
                asked, null, Alteration.NONE, noJob, false));
        ResponseExample noJobToRead = spec.response(READ + "NotFound", JSON);
        Map<String, String> unknownRead = new LinkedHashMap<>(spec.request(sampleOf(READ)).parameters());
        unknownRead.put("DtsJobId", "verifier" + Long.toString(System.nanoTime() & 0xffffffL, 36));
        unknownRead.remove("DtsInstanceID");
        checks.add(new Check(PROBE_READ_UNKNOWN_JOB, PROBE_READ_UNKNOWN_JOB, noJobToRead.rule().orElseThrow(), "GET",
                unknownRead, false, asked, null, Alteration.NONE, noJobToRead, false));
        Map<String, String> otherCase = new LinkedHashMap<>(sample.parameters());
        otherCase.replaceAll((name, value) -> switch (name) {
            case "Endpoint", "EndpointInstanceType" -> value.toUpperCase(java.util.Locale.ROOT);
            case "SynchronizationDirection" -> value.toLowerCase(java.util.Locale.ROOT);
            default -> value;
        });
        checks.add(new Check(PROBE_ENUM_CASE, PROBE_ENUM_CASE, "R-ENUM", "GET", otherCase, false, asked, null,
                Alteration.NONE, ok, false));
        return checks;
    }

    /** The ids {@code --examples} may name. */
    public static Set<String> ids(List<Check> checks) {
        Set<String> ids = new LinkedHashSet<>();
        checks.forEach(c -> ids.add(c.id()));
        return ids;
    }
}
