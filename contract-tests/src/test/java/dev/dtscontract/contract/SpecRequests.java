package dev.dtscontract.contract;

import dev.dtscontract.client.Credentials;
import dev.dtscontract.emulator.junit.DtsEmulatorExtension;
import dev.dtscontract.emulator.junit.EmulatorControl;
import dev.dtscontract.spec.SpecExamples.RequestExample;
import dev.dtscontract.verifier.Exchange;
import dev.dtscontract.verifier.Provider;
import dev.dtscontract.signing.SignedRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Sends a request example of the spec to the emulator the way its {@code x-send} says: by default a GET with its
 * parameters in the query, signed (RPC signature) with the demo AccessKey. x-send may name the method, put the
 * parameters in a form body, sign with signature V3, with another AccessKey of the seed (or one nobody has), with
 * another secret, or replace the Signature; send it several times (with one nonce, or with fresh ones); append raw
 * pairs to the query or the form (after signing, as a broken client would), pad the query, a header or the body; send another path or body; start an emulator with other settings;
 * or inject a fault through the test-control API first. An example that applied a change is undone (a reset to the
 * seed), so examples may run in any order.
 */
final class SpecRequests implements AutoCloseable {

    private final Emulator emulator;
    private DtsEmulatorExtension controlClient;

    SpecRequests(Emulator emulator) {
        this.emulator = emulator;
    }

    /** The answer to the example (to the last of its sends, when it is sent more than once). */
    @SuppressWarnings("unchecked")
    Exchange send(String name, RequestExample example, Map<String, String> extraParameters) {
        Map<String, Object> how = example.send();
        if (how.containsKey("emulator")) {
            Map<String, Object> settings = (Map<String, Object>) how.get("emulator");
            Emulator own = new Emulator(settings);
            own.beforeAll(null);
            try {
                return own.examples().sendTo(name, example, extraParameters, true);
            } finally {
                own.afterAll(null);
            }
        }
        return sendTo(name, example, extraParameters, true);
    }

    /** The same, leaving what an applied change did in place, for a test to read it back (EffectsContractTest). */
    Exchange sendKeepingChanges(String name, RequestExample example, Map<String, String> extraParameters) {
        return sendTo(name, example, extraParameters, false);
    }

    private Exchange sendTo(String name, RequestExample example, Map<String, String> extraParameters, boolean undo) {
        Map<String, Object> how = example.send();
        if (how.containsKey("fault")) {
            control().failNext(1, (String) how.get("fault"), null);
        }
        Map<String, String> parameters = new LinkedHashMap<>(example.parameters());
        parameters.putAll(extraParameters);
        int times = ((Number) how.getOrDefault("times", 1)).intValue();
        String nonce = UUID.randomUUID().toString();
        Exchange last = null;
        for (int i = 0; i < times; i++) {
            last = once(name, how, parameters, Boolean.TRUE.equals(how.get("sameNonce")) ? nonce : UUID.randomUUID().toString());
        }
        if (how.containsKey("fault")) {
            control().api().clearFaults();
        }
        if (undo && last.status() == 200 && !"true".equalsIgnoreCase(parameters.get("DryRun"))) {
            control().reset();
        }
        return last;
    }

    private Exchange once(String name, Map<String, Object> how, Map<String, String> parameters, String nonce) {
        String method = (String) how.getOrDefault("method", "GET");
        boolean inForm = Boolean.TRUE.equals(how.get("form"));
        Map<String, String> query = inForm ? Map.of() : new TreeMap<>(parameters);
        Map<String, String> form = inForm ? new TreeMap<>(parameters) : Map.of();
        Provider provider = new Provider(emulator.url(), Duration.ofSeconds(10));
        SignedRequest request = "v3".equals(how.get("signatureVersion"))
                ? SignedRequest.builder().method(method).query(query).form(form).credentials(credentials(how).signing()).at(Instant.now()).nonce(nonce).host(provider.host()).v3()
                : SignedRequest.builder().method(method).query(query).form(form).credentials(credentials(how).signing()).at(Instant.now()).nonce(nonce).rpc();
        if (how.containsKey("signature")) {
            Map<String, String> q = new TreeMap<>(request.query());
            q.put("Signature", (String) how.get("signature"));
            request = new SignedRequest(request.method(), q, request.form(), request.headers());
        }
        return provider.send(name, request, extras(how, request));
    }

    private static Credentials credentials(Map<String, Object> how) {
        Credentials c = how.containsKey("accessKeyId") ? DemoCredentials.of((String) how.get("accessKeyId")) : DemoCredentials.DEMO;
        if ("".equals(how.get("securityToken"))) {
            c = Credentials.of(c.accessKeyId(), c.accessKeySecret());
        }
        if (how.containsKey("secret")) {
            c = c.securityToken() == null ? Credentials.of(c.accessKeyId(), (String) how.get("secret"))
                    : Credentials.sts(c.accessKeyId(), (String) how.get("secret"), c.securityToken());
        }
        return c;
    }

    private static Provider.Extras extras(Map<String, Object> how, SignedRequest request) {
        String rawQuery = (String) how.getOrDefault("rawQuery", "");
        if (how.containsKey("padQuery")) {
            rawQuery = "Pad=" + "a".repeat(((Number) how.get("padQuery")).intValue());
        }
        Map<String, String> headers = new TreeMap<>();
        if (how.containsKey("padHeader")) {
            headers.put("x-pad", "a".repeat(((Number) how.get("padHeader")).intValue()));
        }
        String contentType = (String) how.get("contentType");
        String body = (String) how.get("body");
        // Pairs added to the form after signing: a raw one (a bad escape) or padding.
        String addedToForm = how.containsKey("rawForm") ? (String) how.get("rawForm")
                : how.containsKey("padBody") ? "Pad=" + "a".repeat(((Number) how.get("padBody")).intValue()) : null;
        if (addedToForm != null) {
            contentType = SignedRequest.FORM;
            body = (request.formBody().isEmpty() ? "" : request.formBody() + "&") + addedToForm;
        }
        return new Provider.Extras((String) how.get("path"), rawQuery, contentType, body, headers);
    }

    @Override
    public void close() {
        if (controlClient != null) {
            controlClient.stop();
            controlClient = null;
        }
    }

    /** The test-control API of the emulator, through emulator-junit's client (built on first use). */
    EmulatorControl control() {
        if (controlClient == null) {
            controlClient = DtsEmulatorExtension.newInstance().url(emulator.url().toString()).resetBeforeEach(false).build();
            controlClient.start();
        }
        return controlClient.control();
    }
}
