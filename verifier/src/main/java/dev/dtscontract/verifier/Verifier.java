package dev.dtscontract.verifier;

import dev.dtscontract.signing.SignedRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dtscontract.signing.Credentials;
import dev.dtscontract.spec.SpecExamples;
import dev.dtscontract.verifier.Check.Alteration;
import dev.dtscontract.verifier.Check.Signature;

import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs checks against a provider: signs each request, sends it, and holds the answer to the spec (Atlassian's validator
 * for status, content type and schema; the spec's XML names for XML) and to the documented example (RequestId by form).
 * Before the first check, one dry run of the documented sample tells a provider that cannot be checked (unreachable, not
 * this API, refusing the credentials) from one that fails checks.
 */
public final class Verifier {

    /** The provider cannot be verified at all; the message is one line. */
    public static final class CannotVerify extends RuntimeException {
        public CannotVerify(String message) {
            super(message);
        }
    }

    /** The spec's codes of R-SIGNATURE: refusing the preflight with one, a provider refused who signed, not what was asked. */
    private static final Set<String> CREDENTIAL_CODES = SpecExamples.load().responses().stream()
            .filter(r -> r.rule().filter("R-SIGNATURE"::equals).isPresent() && r.field("Code") != null)
            .map(r -> r.field("Code")).collect(Collectors.toUnmodifiableSet());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Provider provider;
    private final Credentials credentials;
    private final Clock clock;
    private final PrintStream progress;

    public Verifier(Provider provider, Credentials credentials, Clock clock, PrintStream progress) {
        this.provider = provider;
        this.credentials = credentials;
        this.clock = clock;
        this.progress = progress;
    }

    /** Runs the checks not skipped (skipped: check to reason), in order, printing one progress line each. */
    public List<Result> run(List<Check> checks, Map<Check, String> skipped) {
        preflight(checks.stream().filter(c -> c.id().equals(Plan.SAMPLE)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the plan has no check of " + Plan.SAMPLE)));
        List<Result> results = new ArrayList<>();
        int width = String.valueOf(checks.size()).length();
        for (int i = 0; i < checks.size(); i++) {
            Check check = checks.get(i);
            Result result = skipped.containsKey(check) ? Result.skipped(check, skipped.get(check)) : run(check);
            results.add(result);
            progress.printf("[%" + width + "d/%d] %-62s %s%n", i + 1, checks.size(), check.name(), line(result));
        }
        return results;
    }

    /** Sends one check and compares its answer. */
    public Result run(Check check) {
        long t0 = System.nanoTime();
        Exchange exchange;
        try {
            exchange = send(check);
        } catch (Provider.Unreachable e) { // it answered the preflight: a dropped or timed-out answer is this check's failure
            return Result.of(check, 0, List.of(check.name() + ": no answer: " + e.getMessage()), (System.nanoTime() - t0) / 1_000_000);
        }
        List<String> problems = new ArrayList<>(ContractValidator.checkResponse(exchange));
        problems.addAll(check.byCode() ? Comparisons.byCode(check.expected(), exchange) : Comparisons.against(check.expected(), exchange));
        return Result.of(check, exchange.status(), problems, (System.nanoTime() - t0) / 1_000_000);
    }

    private Exchange send(Check check) {
        SignedRequest request = sign(check, check.alteration() == Alteration.WRONG_SECRET ? wrongSecret() : credentials);
        if (check.alteration() == Alteration.REPLAY) {
            provider.send(check.name() + " (first)", request);
        }
        return provider.send(check.name(), request);
    }

    SignedRequest sign(Check check, Credentials c) {
        Map<String, String> query = check.inForm() ? Map.of() : check.parameters();
        Map<String, String> form = check.inForm() ? check.parameters() : Map.of();
        SignedRequest.Builder request = SignedRequest.builder().method(check.method()).query(query).form(form).credentials(c)
                .at(clock.instant());
        return check.signature() == Signature.V3 ? request.host(provider.host()).v3() : request.rpc();
    }

    /** The same AccessKey with a secret that cannot be its own (never printed, like the real one). */
    private Credentials wrongSecret() {
        String wrong = new StringBuilder(credentials.accessKeySecret()).reverse() + "-not-the-secret";
        return credentials.securityToken() == null ? Credentials.of(credentials.accessKeyId(), wrong)
                : Credentials.sts(credentials.accessKeyId(), wrong, credentials.securityToken());
    }

    /** The documented sample, always as a dry run, whatever the selection: safe against any account. */
    private void preflight(Check sample) {
        Map<String, String> dryRun = new java.util.LinkedHashMap<>(sample.parameters());
        dryRun.put("DryRun", "true");
        Check check = new Check("preflight", sample.id(), null, "GET", dryRun, false, sample.signature(), null,
                Alteration.NONE, sample.expected(), false);
        Exchange e = provider.send("preflight", sign(check, credentials));
        String body = e.responseBody() == null ? "" : e.responseBody();
        JsonNode json = null;
        try {
            json = JSON.readTree(body);
        } catch (Exception notJson) {
            // XML, or not this API
        }
        boolean jsonAnswer = json != null && json.isObject() && json.has("RequestId");
        boolean xmlAnswer = body.contains("<RequestId>");
        if (!jsonAnswer && !xmlAnswer) {
            throw new CannotVerify(provider.base() + " does not answer like ModifyDtsJobEndpoint: HTTP " + e.status() + " "
                    + e.responseContentType() + ", no RequestId in \"" + oneLine(body, 80) + "\"");
        }
        String code = jsonAnswer ? json.path("Code").asText("") : "";
        if (CREDENTIAL_CODES.contains(code)) {
            throw new CannotVerify(provider.base() + " refused the credentials of AccessKey " + credentials.accessKeyId() + ": "
                    + code + ": " + oneLine(json.path("Message").asText(""), 200));
        }
    }

    private static String line(Result r) {
        return switch (r.verdict()) {
            case PASSED -> "passed (" + r.status() + ", " + r.millis() + " ms)";
            case FAILED -> "FAILED (" + r.status() + "): " + oneLine(r.problems().get(0), 160)
                    + (r.problems().size() > 1 ? " (+" + (r.problems().size() - 1) + " more)" : "");
            case SKIPPED -> "skipped: " + r.reason();
        };
    }

    static String oneLine(String text, int max) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max) + "…";
    }
}
