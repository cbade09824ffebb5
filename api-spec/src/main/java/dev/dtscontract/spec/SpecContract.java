package dev.dtscontract.spec;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one reader of the operation's spec in main code, shipped beside the YAML: the parameters of the operation
 * (names, locations, required flags, enums, patterns, lengths, secrets), the error catalogue (code, status, message),
 * the rules and the examples. The emulator, the client-side tools, the verifier, the bench and the tests read the spec
 * through it (and {@link SpecExamples}); nothing here is restated in code. {@link #load()} takes what it reads from the
 * build's {@link ContractDigest} of the packaged spec, which {@link #parse} wrote.
 */
public final class SpecContract {

    /** Where the api-spec jar keeps the spec. */
    public static final String SPEC_RESOURCE = "openapi/ModifyDtsJobEndpoint.yaml";

    /** The one code the catalogue lists under two statuses: 503, and 400 when the job is not in a state to change. */
    private static final String SERVICE_UNAVAILABLE = "ServiceUnavailable";

    /** The operation of the path item `/`: the first, whose name the spec file keeps. */
    public static final String FIRST_OPERATION = "ModifyDtsJobEndpoint";

    /**
     * One operation of the spec: its Action (the GET operation's operationId), its path item's key ({@code /}, or
     * {@code /#Action=<Action>} for every further operation of the one RPC path), and its query parameters by wire name
     * in the spec's order; and whether it only reads ({@code x-read-only: true} on its GET): answering it changes nothing.
     */
    public record Operation(String action, String path, Map<String, ParameterDefinition> parameters, boolean readOnly) {
    }

    private final Map<String, Operation> operations;
    private final Map<String, Integer> statusByCode;
    private final List<CatalogueEntry> errorExamples;

    private SpecContract(Map<String, Operation> operations, Map<String, Integer> statusByCode, List<CatalogueEntry> errorExamples) {
        this.operations = operations;
        this.statusByCode = statusByCode;
        this.errorExamples = errorExamples;
    }

    private static final SpecContract PACKAGED = packaged();

    /** The build's digest of the packaged spec ({@link ContractDigest}), or the YAML parsed when there is none for this text. */
    private static SpecContract packaged() {
        String text = text();
        return ContractDigest.packaged(text).orElseGet(() -> parse(text));
    }

    /** The spec of the api-spec jar (read once); fails loudly if it is missing. */
    public static SpecContract load() {
        return PACKAGED;
    }

    /** Reads a spec's text: a copy of the spec with a change, for a test that proves code follows the spec. */
    public static SpecContract parse(String yaml) {
        Map<String, Object> spec = new Yaml(new LoaderOptions()).load(yaml);
        return of(readOperations(spec), errorExamples(spec));
    }

    /** The contract of these operations (unmodifiable, in the spec's order) and this catalogue; the statuses checked. */
    static SpecContract of(Map<String, Operation> operations, List<CatalogueEntry> errorExamples) {
        List<CatalogueEntry> catalogue = List.copyOf(errorExamples);
        return new SpecContract(operations, statusesOf(catalogue), catalogue);
    }

    /**
     * A request example of the spec (form example of the POST body, e.g. ModifyDtsJobEndpointDocumentedSample),
     * values as strings in the spec's order, as {@link SpecExamples} reads it. For tools that send the documented
     * requests (StartupTraining, bench/).
     */
    public static Map<String, String> requestExample(String id) {
        return SpecExamples.load().request(id).parameters();
    }

    /**
     * A response example of the spec by id and media type (a Map for JSON, the text for XML), as {@link SpecExamples}
     * reads it. For tools that serve the documented answers (bench/).
     */
    public static Object responseExample(String id, String mediaType) {
        SpecExamples.ResponseExample example = SpecExamples.load().response(id, mediaType);
        return example.isXml() ? example.body() : SpecExamples.asMap(example.json());
    }

    /** A JSON error example of the spec's catalogue: its code, status, message, and the x-rule or x-applies-to it carries. */
    public record CatalogueEntry(String code, int status, String message, String rule, String appliesTo) {
    }

    /** The spec's text, as the api-spec jar has it (for the emulator's console). */
    public static String text() {
        try (InputStream in = SpecContract.class.getClassLoader().getResourceAsStream(SPEC_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The spec " + SPEC_RESOURCE + " is not on the classpath (api-spec jar missing?)");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every code of the spec's catalogue at its first JSON example, in the spec's order. */
    public static List<CatalogueEntry> catalogue() {
        Map<String, CatalogueEntry> out = new LinkedHashMap<>();
        PACKAGED.errorExamples().forEach(e -> out.putIfAbsent(e.code(), e));
        return List.copyOf(out.values());
    }

    /**
     * Every JSON error example of this spec's responses (a body with a Code), in the spec's order: the messages the
     * emulator answers with (an error raised without a message of its own takes its code's and rule's from here).
     */
    public List<CatalogueEntry> errorExamples() {
        return errorExamples;
    }

    @SuppressWarnings("unchecked")
    private static List<CatalogueEntry> errorExamples(Map<String, Object> spec) {
        Map<String, Object> responses = (Map<String, Object>) ((Map<String, Object>) spec.get("components")).get("responses");
        List<CatalogueEntry> out = new java.util.ArrayList<>();
        for (Object response : responses.values()) {
            Map<String, Object> content = (Map<String, Object>) ((Map<String, Object>) response).get("content");
            Map<String, Object> media = content == null ? null : (Map<String, Object>) content.get("application/json");
            Map<String, Object> examples = media == null ? null : (Map<String, Object>) media.get("examples");
            if (examples == null) continue;
            for (Object value : examples.values()) {
                Map<String, Object> example = (Map<String, Object>) value;
                if (example.get("value") instanceof Map<?, ?> body && body.get("Code") instanceof String code
                        && body.get("HttpStatusCode") instanceof String status) {
                    out.add(new CatalogueEntry(code, Integer.parseInt(status), String.valueOf(body.get("Message")),
                            (String) example.get("x-rule"),
                            example.get("x-applies-to") == null ? "both" : String.valueOf(example.get("x-applies-to"))));
                }
            }
        }
        return out;
    }

    private static Map<String, Object> readSpec() {
        return new Yaml(new LoaderOptions()).load(text());
    }

    /** The spec as YAML maps and lists, freshly read (callers may not share it), for the other readers of this package. */
    static Map<String, Object> document() {
        return readSpec();
    }


    /**
     * The query parameters of the first operation's GET (the full set), by wire name, in the spec's order; required means
     * required by the schema or by R-REQUIRED wherever the parameter travels ({@code x-rpc-required}).
     */
    public Map<String, ParameterDefinition> parameters() {
        return operations.get(FIRST_OPERATION).parameters();
    }

    /** Every operation by its Action, in the spec's order. */
    public Map<String, Operation> operations() {
        return operations;
    }

    /** The operation an Action names, if the spec has it. */
    public Optional<Operation> operation(String action) {
        return Optional.ofNullable(action == null ? null : operations.get(action));
    }

    /** The operation parameters call: their Action, or the first operation's when they leave it out (as SignedRequest does). */
    public static String actionOf(Map<String, String> parameters) {
        return parameters.getOrDefault("Action", FIRST_OPERATION);
    }

    /**
     * Whether sending these parameters changes nothing: their operation (Action, or the first operation's when they
     * leave it out) only reads, or they ask for the precheck alone (DryRun=true, in any case). An Action the spec does
     * not have changes nothing either: every provider refuses it.
     */
    public boolean changesNothing(Map<String, String> parameters) {
        Operation operation = operations.get(actionOf(parameters));
        return operation == null || operation.readOnly() || "true".equalsIgnoreCase(parameters.get("DryRun"));
    }

    /** The names of every parameter of any operation that is a secret ({@code format: password}). */
    public java.util.Set<String> secretParameterNames() {
        java.util.Set<String> names = new java.util.TreeSet<>();
        operations.values().forEach(o -> o.parameters().values().stream().filter(ParameterDefinition::secret)
                .forEach(d -> names.add(d.name())));
        return java.util.Collections.unmodifiableSet(names);
    }

    /** The HTTP status the spec's catalogue gives any code it lists. */
    public Optional<Integer> statusOf(String code) {
        return Optional.ofNullable(statusByCode.get(code));
    }

    /** Every path item's GET as an operation, keyed by its operationId (its Action). */
    @SuppressWarnings("unchecked")
    private static Map<String, Operation> readOperations(Map<String, Object> spec) {
        Map<String, Operation> out = new LinkedHashMap<>();
        ((Map<String, Object>) spec.get("paths")).forEach((path, item) -> {
            Map<String, Object> get = (Map<String, Object>) ((Map<String, Object>) item).get("get");
            if (get == null) {
                throw new IllegalStateException("The path item " + path + " has no GET operation");
            }
            String action = (String) get.get("operationId");
            String expected = path.equals("/") ? "/" : "/#Action=" + action;
            if (!path.equals(expected)) {
                throw new IllegalStateException("The operation " + action + " must be keyed " + expected + ", not " + path);
            }
            boolean readOnly = Boolean.TRUE.equals(get.get("x-read-only"));
            if (out.put(action, new Operation(action, path, readParameters(spec, get), readOnly)) != null) {
                throw new IllegalStateException("Two operations are named " + action);
            }
        });
        if (!out.containsKey(FIRST_OPERATION)) {
            throw new IllegalStateException("The spec has no operation " + FIRST_OPERATION + " at /");
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ParameterDefinition> readParameters(Map<String, Object> spec, Map<String, Object> get) {
        Map<String, Object> components = (Map<String, Object>) spec.get("components");
        Map<String, Object> componentParameters = (Map<String, Object>) components.get("parameters");
        Map<String, Object> schemas = (Map<String, Object>) components.get("schemas");
        Map<String, ParameterDefinition> out = new LinkedHashMap<>();
        for (Object ref : (List<Object>) get.get("parameters")) {
            Map<String, Object> parameter = (Map<String, Object>) componentParameters.get(refName((Map<String, Object>) ref));
            Map<String, Object> schema = (Map<String, Object>) parameter.get("schema");
            if (schema.containsKey("$ref")) {
                schema = (Map<String, Object>) schemas.get(refName(schema));
            }
            if (!"query".equals(parameter.get("in"))) {
                continue; // the x-acs-* headers of signature V3 are read by the edge and the authenticator
            }
            String name = (String) parameter.get("name");
            List<Object> enumValues = (List<Object>) schema.get("enum");
            out.put(name, new ParameterDefinition(
                    name,
                    Boolean.TRUE.equals(parameter.get("required")) || Boolean.TRUE.equals(parameter.get("x-rpc-required")),
                    (String) schema.get("type"),
                    enumValues == null ? List.of() : enumValues.stream().map(String::valueOf).toList(),
                    Boolean.TRUE.equals(schema.get("x-case-insensitive")),
                    schema.get("pattern") == null ? null : Pattern.compile((String) schema.get("pattern")),
                    "password".equals(schema.get("format")),
                    schema.get("minLength") instanceof Number min ? min.intValue() : 0,
                    schema.get("maxLength") instanceof Number max ? max.intValue() : Integer.MAX_VALUE));
        }
        return java.util.Collections.unmodifiableMap(out); // in the spec's order
    }

    private static Map<String, Integer> statusesOf(List<CatalogueEntry> errorExamples) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (CatalogueEntry e : errorExamples) {
            Integer previous = out.putIfAbsent(e.code(), e.status());
            if (previous != null && previous != e.status() && !e.code().equals(SERVICE_UNAVAILABLE)) {
                throw new IllegalStateException("The spec gives " + e.code() + " two statuses: " + previous + ", " + e.status());
            }
        }
        return Map.copyOf(out);
    }

    private static String refName(Map<String, Object> ref) {
        String value = (String) ref.get("$ref");
        return value.substring(value.lastIndexOf('/') + 1);
    }
}
