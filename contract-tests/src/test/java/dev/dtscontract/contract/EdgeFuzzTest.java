package dev.dtscontract.contract;

import dev.dtscontract.verifier.Exchange;
import dev.dtscontract.verifier.ContractValidator;
import dev.dtscontract.server.auth.AccessKey;
import dev.dtscontract.server.tools.SignRequest;
import dev.dtscontract.spec.ParameterDefinition;
import dev.dtscontract.spec.SpecContract;
import dev.dtscontract.signing.SignedRequest;
import dev.dtscontract.signing.UrlEncoded;
import dev.dtscontract.server.seed.SeedLoader;
import dev.dtscontract.spec.SpecExamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A fuzzer built from the spec: 10,000 requests to the emulator over raw HTTP, most of them correctly signed so
 * they reach validation and the domain, each mutated in one class of input that once broke the edge (methods,
 * content types, bad escapes, characters XML cannot carry, look-alike enum values, oversized or repeated values,
 * tampered signatures, applied changes that move jobs between engines). Every answer must be below 500 and valid
 * against the spec (status declared for the operation, schema, XML root and elements); afterwards the
 * document's sample must still answer 200. The seed is printed, so a failure can be replayed.
 */
class EdgeFuzzTest {

    @RegisterExtension
    static final Emulator emulator = new Emulator();

    private static final int REQUESTS = 10_000;
    private static final Map<String, ParameterDefinition> PARAMETERS = SpecContract.load().parameters();
    private static final List<SpecExamples.RequestExample> EXAMPLES = SpecExamples.load().requests();
    private static final AccessKey DEMO = key("LTAI5tDemoAccessKey0001");
    private static final List<AccessKey> KEYS = List.of(DEMO, key("LTAI5tOtherAccessKey001"),
            key("STS.DemoTemporaryKey001"), key("LTAI5tDemoDisabledKey01"), key("STS.DemoExpiredKey00001"));
    /** Jobs applied changes may move around; the document's job stays as seeded for the final check. */
    private static final List<String> JOBS = List.of("j2wsync0000001", "jpglag00000001", "jpgok000000001",
            "jmongoshard0001", "jkafka00000001", "jecs0000000001", "jshanghai00001");
    private static final List<String> INSTANCES = List.of("rm-bp1src0mysql0001", "rm-bp1alt0mysql0002", "pgm-bp1pgnew000001",
            "pc-bp1polarpg00001", "gp-bp1adbpg0000001", "dds-bp1replica00001", "dds-bp1shard4b0001", "dds-bp1shard2c0001",
            "dds-bp1shard4d0001", "alikafka-cn-hz0002", "i-bp1ecshost000001", "rm-uf6mysql0000002", "nosuch");
    private static final Map<String, List<String>> INSTANCES_BY_TYPE = SeedLoader.loadDefault().instances().stream()
            .collect(java.util.stream.Collectors.groupingBy(i -> i.type().name().toLowerCase(java.util.Locale.ROOT),
                    java.util.stream.Collectors.mapping(i -> i.id(), java.util.stream.Collectors.toList())));
    private static final List<String> TYPES = List.of("rds", "polardb", "mongodb", "distributed_mongodb", "greenplum",
            "kafka", "ecs", "express", "other");
    private static final String[] BAD_CHARS = {"\u0000", "\u0001", "\u0008", "\u000B", "\u001F", "\u007F", "\u0085", "\u2028",
            "\uFFFE", "\uFFFF", "\n", "\r\n", "<", "&", "\"", "]]>", "\uD83D\uDE00"};
    private static final String[] LOOKALIKES = {"ſ", "K", "ı", "İ", "ﬀ", "Ｓ"};
    private static final String[] METHODS = {"HEAD", "OPTIONS", "PUT", "DELETE", "PATCH", "get", "post", "Get", "FOO", "TRACE"};
    private static final String[] CONTENT_TYPES = {null, "", "foo", "application/json", "text/plain", "multipart/form-data",
            "application/x-www-form-urlencoded; charset=UTF-8", "APPLICATION/X-WWW-FORM-URLENCODED", "application/x-www-form-urlencodedX"};

    private static AccessKey key(String id) {
        return SeedLoader.loadDefault().accounts().key(id).orElseThrow();
    }

    private enum Mutation { VALID, ENUM_CASE, LOOKALIKE, XML_INVALID, BAD_ESCAPE, RAW_CHARACTER, BOOLEAN, DUPLICATE, OVERSIZED,
        UNKNOWN, METHOD, CONTENT_TYPE, ACCEPT, SIGNATURE, PATH, APPLY, BIG_HEADER, V3, V3_TAMPERED }

    /** One request as bytes on the wire. */
    private record Wire(String method, String target, Map<String, String> headers, byte[] body) {
    }

    private final long seed = Long.getLong("fuzz.seed", System.nanoTime());
    private final Random random = new Random(seed);

    @Test
    void tenThousandMutatedRequests_neverAnswer5xxAndAlwaysAsTheSpecDeclares() {
        System.out.println("EdgeFuzzTest seed " + seed + " (replay with -Dfuzz.seed=" + seed + ")");
        Map<Mutation, int[]> perClass = new TreeMap<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        Map<Mutation, Long> nanos = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();
        try (RawHttp http = new RawHttp(emulator.url())) {
            for (int i = 0; i < REQUESTS; i++) {
                Mutation mutation = Mutation.values()[random.nextInt(Mutation.values().length)];
                Wire wire = build(mutation);
                long t0 = System.nanoTime();
                RawHttp.Response response = http.send(wire.method(), wire.target(), wire.headers(), wire.body());
                nanos.merge(mutation, System.nanoTime() - t0, Long::sum);
                statuses.merge(response.status(), 1, Integer::sum);
                perClass.computeIfAbsent(mutation, m -> new int[1])[0]++;
                List<String> problems = problems(i, mutation, wire, response);
                if (!problems.isEmpty() && failures.size() < 20) {
                    failures.addAll(problems);
                }
            }
            RawHttp.Response sample = http.send("GET", "/?" + SignRequest.sign("GET",
                    EXAMPLES.stream().filter(e -> e.id().equals("ModifyDtsJobEndpointDocumentedSample")).findFirst().orElseThrow()
                            .parameters(), DEMO, Instant.now()), Map.of(), null);
            assertEquals(200, sample.status(), "the documented sample after fuzzing: " + sample.body());
        }
        System.out.println("ms per class " + nanos.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue() / 1_000_000).toList());
        System.out.printf("EdgeFuzzTest: %d requests in %.1f s, statuses %s, per class %s, %d problems%n", REQUESTS,
                (System.nanoTime() - started) / 1e9, statuses, perClassText(perClass), failures.size());
        assertEquals(List.of(), failures, "seed " + seed);
    }

    private static String perClassText(Map<Mutation, int[]> perClass) {
        StringBuilder out = new StringBuilder("{");
        perClass.forEach((m, n) -> out.append(out.length() > 1 ? ", " : "").append(m).append('=').append(n[0]));
        return out.append('}').toString();
    }

    private List<String> problems(int i, Mutation mutation, Wire wire, RawHttp.Response response) {
        String name = "#" + i + " " + mutation + " " + wire.method() + " " + abbreviate(wire.target());
        List<String> problems = new ArrayList<>();
        if (response.status() >= 500) {
            problems.add(name + " answered " + response.status() + ": " + abbreviate(response.body()));
            return problems;
        }
        boolean exact = wire.method().equals("GET") || wire.method().equals("POST");
        if (!exact && response.status() != 405) {
            problems.add(name + " another method answered " + response.status() + ", not 405");
        }
        if (wire.method().equals("HEAD")) {
            return problems; // no body to check
        }
        // Another method has no operation of its own; the spec declares its 405 on GET and POST alike.
        String operation = exact ? wire.method() : "GET";
        // The request as sent: the validator picks the operation by the Action it carries (query, form or x-acs-action).
        int q = wire.target().indexOf('?');
        Map<String, String> headers = new TreeMap<>();
        wire.headers().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v));
        Exchange exchange = new Exchange(name, operation, "/",
                dev.dtscontract.signing.UrlEncoded.decode(q < 0 ? "" : wire.target().substring(q + 1)).values(),
                headers.get("content-type"), wire.body() == null ? null : new String(wire.body(), StandardCharsets.UTF_8),
                response.status(), response.header("content-type"), response.body(), headers);
        problems.addAll(ContractValidator.checkResponse(exchange));
        return problems;
    }

    private Wire build(Mutation mutation) {
        Map<String, String> parameters = baseParameters();
        String method = random.nextBoolean() ? "GET" : "POST";
        boolean inForm = method.equals("POST") && random.nextBoolean();
        Map<String, String> headers = new LinkedHashMap<>();
        String extraQuery = "";
        String extraForm = "";
        String path = "/";
        AccessKey key = DEMO;
        switch (mutation) {
            case VALID -> { }
            case ENUM_CASE -> mutateEnum(parameters, this::flipCase);
            case LOOKALIKE -> mutateEnum(parameters, v -> lookalike(v));
            case XML_INVALID -> {
                String name = pick(new ArrayList<>(parameters.keySet()));
                parameters.put(name, insert(parameters.get(name), pick(BAD_CHARS)));
                if (random.nextBoolean()) parameters.put("Format", "XML");
            }
            case BAD_ESCAPE -> {
                String bad = pick(new String[]{"%zz", "%4", "%", "%G1", "abc%", "%%41", "%C3%28", "%E2%82"});
                String pair = (random.nextBoolean() ? pick(new ArrayList<>(PARAMETERS.keySet())) : "X") + "=" + bad;
                if (random.nextBoolean()) pair = bad + "=v";
                if (inForm && random.nextBoolean()) extraForm = pair; else extraQuery = pair;
                if (random.nextBoolean()) parameters.put("Format", "XML");
            }
            case RAW_CHARACTER -> extraQuery = "X=" + pick(new String[]{"|", "\"", "<", "{", "}", "^", "`", "\\", "é", "\u00FF", "[", "]"});
            case BOOLEAN -> parameters.put(random.nextBoolean() ? "DryRun" : "ModifyAccount",
                    pick(new String[]{"yes", "1", "0", "maybe", "TRUE", "tRuE", "False", "on", "", " true", "true "}));
            case DUPLICATE -> {
                String name = pick(new ArrayList<>(parameters.keySet()));
                extraQuery = UrlEncoded.encode(Map.of(name, parameters.get(name) + "x"));
                if (method.equals("POST")) inForm = true;
            }
            case OVERSIZED -> {
                String name = pick(new ArrayList<>(PARAMETERS.keySet()));
                int length = inForm ? 1_000 + random.nextInt(70_000) : 1_000 + random.nextInt(20_000);
                parameters.put(name, "a".repeat(length));
            }
            case UNKNOWN -> {
                for (int n = random.nextInt(4); n >= 0; n--) {
                    parameters.put("X" + random.nextInt(1000) + pick(new String[]{"", "Password", "Secret", "\u0001", "<a>"}),
                            insert("value" + random.nextInt(), pick(BAD_CHARS)));
                }
            }
            case METHOD -> method = pick(METHODS);
            case CONTENT_TYPE -> {
                method = "POST";
                inForm = random.nextBoolean();
                String type = pick(CONTENT_TYPES);
                if (type != null) headers.put("Content-Type", type);
            }
            case ACCEPT -> headers.put("Accept", pick(new String[]{"text/html", "application/xml", "*/*", "image/png",
                    "application/json;q=0", "garbage", ""}));
            case SIGNATURE -> key = pick(KEYS);
            case PATH -> path = pick(new String[]{"/x", "//", "/%2F", "/index.html", "/./", "/..", "/?", "/ModifyDtsJobEndpoint"});
            case APPLY -> applyChange(parameters);
            case BIG_HEADER -> headers.put("X-Big", "b".repeat(10_000 + random.nextInt(20_000)));
        }
        if (mutation == Mutation.V3 || mutation == Mutation.V3_TAMPERED) {
            return v3(parameters, method, inForm, mutation == Mutation.V3_TAMPERED);
        }
        String signed = SignRequest.sign(method.equals("POST") || method.equals("GET") ? method : "GET", parameters, key, Instant.now());
        if (mutation == Mutation.SIGNATURE) {
            signed = tamper(signed);
        }
        String query = inForm ? "" : signed;
        String form = inForm ? signed : "";
        if (!extraQuery.isEmpty()) query = query.isEmpty() ? extraQuery : query + "&" + extraQuery;
        if (!extraForm.isEmpty()) form = form.isEmpty() ? extraForm : form + "&" + extraForm;
        byte[] body = null;
        if (mutation == Mutation.CONTENT_TYPE && random.nextInt(4) == 0) {
            method = "GET"; // a GET with a body
        }
        if (!method.equals("HEAD") && (!method.equals("GET") || mutation == Mutation.CONTENT_TYPE)) {
            body = form.getBytes(StandardCharsets.UTF_8);
            headers.putIfAbsent("Content-Type", "application/x-www-form-urlencoded");
        }
        return new Wire(method, path + (query.isEmpty() ? "" : (path.contains("?") ? "&" : "?") + query), headers, body);
    }

    /** Signature V3, as today's SDKs send it: the parameters in the query or a form body, the operation in headers. */
    private Wire v3(Map<String, String> parameters, String method, boolean inForm, boolean tamper) {
        if (random.nextInt(4) == 0) applyChange(parameters);
        Map<String, String> operation = new LinkedHashMap<>(parameters);
        String host = emulator.url().getHost() + ":" + emulator.url().getPort();
        AccessKey key = random.nextInt(5) == 0 ? pick(KEYS) : DEMO;
        SignedRequest.Builder request = SignedRequest.builder().method(method).credentials(key.credentials()).at(Instant.now()).host(host);
        SignedRequest signed = inForm ? request.form(without(operation, "Version")).v3() : request.query(operation).v3();
        byte[] body = inForm ? signed.formBody().getBytes(StandardCharsets.UTF_8) : null;
        Map<String, String> headers = new LinkedHashMap<>(signed.headers());
        headers.remove("host"); // RawHttp sends Host itself, the same value
        if (tamper) {
            switch (random.nextInt(8)) {
                case 0 -> headers.remove(pick(new ArrayList<>(headers.keySet())));
                case 1 -> headers.put("x-acs-date", pick(new String[]{"2016-02-23T12:46:24Z", "yesterday", "", "2026-13-45T99:99:99Z"}));
                case 2 -> headers.put("authorization", pick(new String[]{"ACS3-HMAC-SHA256", "Basic abc", "ACS3-HMAC-SHA256 Credential=,SignedHeaders=;,Signature=zz",
                        headers.get("authorization").replace("Signature=", "Signature=0"), "ACS3-HMAC-SHA256 Credential=a,SignedHeaders=host,Signature=" + "0".repeat(64)}));
                case 3 -> headers.put("x-acs-content-sha256", pick(new String[]{"0".repeat(64), "xyz", ""}));
                case 4 -> headers.put("x-acs-action", pick(new String[]{"modifydtsjobendpoint", "DescribeDtsJobs", "", "ModifyDtsJobEndpoint\u0001"}));
                case 5 -> headers.put("x-acs-version", pick(new String[]{"2019-01-01", "", "x"}));
                case 6 -> headers.put("x-acs-signature-nonce", "replayed");
                default -> headers.put("x-acs-security-token", "CAIS8wF1q6Ft5B2yfSjIr5bDemoSecurityToken");
            }
        }
        return new Wire(method, "/" + (signed.queryString().isEmpty() ? "" : "?" + signed.queryString()), headers, method.equals("POST") ? (body == null ? new byte[0] : body) : null);
    }

    private static Map<String, String> without(Map<String, String> parameters, String... names) {
        Map<String, String> out = new LinkedHashMap<>(parameters);
        for (String name : names) out.remove(name);
        return out;
    }

    /** A spec request example, sometimes with extra parameters from the spec's definitions. */
    private Map<String, String> baseParameters() {
        Map<String, String> parameters = new LinkedHashMap<>(pick(EXAMPLES).parameters());
        parameters.remove("Timestamp");
        if (random.nextInt(4) == 0) {
            parameters.put("DtsInstanceId", "dtsaw012y2g15q****");
        }
        if (random.nextInt(3) == 0) {
            parameters.put("Format", pick(new String[]{"JSON", "XML", "xml", "Json"}));
        }
        return parameters;
    }

    /**
     * A change of a seeded job (DryRun or applied), mostly coherent (the new database identified as its type
     * requires, so that changes apply and move jobs between engines and instance kinds), sometimes random.
     */
    private void applyChange(Map<String, String> parameters) {
        boolean coherent = random.nextInt(5) > 0;
        parameters.clear();
        parameters.put("Action", "ModifyDtsJobEndpoint");
        parameters.put("DtsJobId", pick(JOBS));
        parameters.put("Endpoint", random.nextInt(3) > 0 ? "src" : "dest");
        String type = pick(TYPES);
        parameters.put("EndpointInstanceType", type);
        List<String> ofType = INSTANCES_BY_TYPE.getOrDefault(type, List.of());
        if (coherent) {
            if (!ofType.isEmpty()) parameters.put("EndpointInstanceId", pick(ofType));
            if (type.equals("express") || type.equals("other")) parameters.put("EndpointIp", pick(new String[]{"10.0.0.1", "fe80::1"}));
            if (type.equals("ecs") || type.equals("express") || type.equals("other")) parameters.put("EndpointPort", "3306");
            parameters.put("Database", "admin");
        } else {
            if (random.nextBoolean()) parameters.put("EndpointInstanceId", pick(INSTANCES));
            if (random.nextBoolean()) parameters.put("EndpointIp", pick(new String[]{"10.0.0.1", "::1", "300.1.1.1", "1:2"}));
            if (random.nextBoolean()) parameters.put("EndpointPort", pick(new String[]{"3306", "0", "65536", "x"}));
            if (random.nextBoolean()) parameters.put("Database", "admin");
        }
        if (random.nextInt(6) == 0) parameters.put("SynchronizationDirection", "Reverse");
        if (random.nextInt(4) == 0) {
            parameters.put("ModifyAccount", "true");
            parameters.put("Username", "u");
            parameters.put("Password", "Secret#1");
            if (random.nextBoolean()) { parameters.put("ShardUsername", "s"); parameters.put("ShardPassword", "Shard#1"); }
        }
        if (random.nextInt(6) == 0) { parameters.put("AliyunUid", "1507800203002222"); parameters.put("RoleName", "ram-for-dts"); }
        parameters.put("DryRun", random.nextBoolean() ? "true" : "false");
    }

    private void mutateEnum(Map<String, String> parameters, java.util.function.UnaryOperator<String> change) {
        List<String> enums = PARAMETERS.values().stream()
                .filter(d -> !d.enumValues().isEmpty() || "boolean".equals(d.type())).map(ParameterDefinition::name)
                .filter(parameters::containsKey).toList();
        if (!enums.isEmpty()) {
            String name = pick(enums);
            parameters.put(name, change.apply(parameters.get(name)));
        }
    }

    private String flipCase(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) out.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
        return out.toString();
    }

    private String lookalike(String value) {
        String out = value.replace("s", "ſ").replace("k", "K").replace("K", "K").replace("i", "ı");
        return out.equals(value) ? insert(value, pick(LOOKALIKES)) : out;
    }

    private String tamper(String signed) {
        Map<String, String> sent = new LinkedHashMap<>(UrlEncoded.decode(signed).single());
        switch (random.nextInt(6)) {
            case 0 -> sent.put("Signature", "AAAAAAAAAAAAAAAAAAAAAAAAAAA=");
            case 1 -> sent.put("Signature", "not base64!");
            case 2 -> sent.put("Timestamp", "2016-02-23T12:46:24Z");
            case 3 -> sent.remove(pick(new String[]{"AccessKeyId", "Signature", "SignatureNonce", "Timestamp", "Version"}));
            case 4 -> sent.put("SignatureNonce", "replayed-nonce"); // the first is accepted, later ones are replays
            default -> sent.put("AccessKeyId", "LTAI5tNoSuchKey000001");
        }
        return UrlEncoded.encode(sent);
    }

    private String insert(String value, String inserted) {
        int at = value.isEmpty() ? 0 : random.nextInt(value.length() + 1);
        return value.substring(0, at) + inserted + value.substring(at);
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private <T> T pick(T[] array) {
        return array[random.nextInt(array.length)];
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
