package dev.dtscontract.verifier;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.whitelist.ValidationErrorsWhitelist;
import com.atlassian.oai.validator.whitelist.rule.WhitelistRules;
import dev.dtscontract.spec.SpecExamples;
import dev.dtscontract.spec.SpecContract;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks recorded exchanges against the spec. Requests and responses go through Atlassian's OpenAPI
 * validator (parameters, content types, status, JSON body schemas); XML bodies, which that validator does
 * not read, are checked for the root element and element names the spec's schema gives them.
 * Every problem names the exchange and the validator's rule key.
 */
public final class ContractValidator {

    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForInlineApiSpecification(SpecExamples.load().specText())
            .withLevelResolver(LevelResolver.create()
                    // An unknown query parameter is a misspelt one: the client must use the spec's names.
                    .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.ERROR)
                    .build())
            // The validator reads form-body values as JSON literals, so SignatureVersion=1.0 arrives as the number
            // 1.0 and fails the string enum ["1.0"]; in the query the same value validates. Only that case is excused.
            .withWhitelist(ValidationErrorsWhitelist.create().withRule("form value 1.0 read as a number",
                    WhitelistRules.allOf(WhitelistRules.isRequest(),
                            WhitelistRules.headerContainsSubstring("Content-Type", "application/x-www-form-urlencoded"),
                            WhitelistRules.messageContainsSubstring("[Path '/SignatureVersion']"),
                            WhitelistRules.messageContainsRegexp("Instance (value \\(1\\.0\\) not found in enum|type \\(number\\) does not match)"))))
            .build();
    /** The spec's schemas as the validator's own parser reads them (the spec's text from the spec model). */
    private static final OpenAPI SPEC = new io.swagger.v3.parser.OpenAPIV3Parser().readContents(SpecContract.text(), null, null).getOpenAPI();

    private ContractValidator() {
    }

    public static List<String> checkRequest(Exchange e) {
        ValidationReport report = VALIDATOR.validateRequest(request(e));
        return problems(e, "request", report);
    }

    /**
     * The operation an exchange calls: its Action (query, form body, or x-acs-action of signature V3), when the spec has
     * that operation; else the first (whose path item `/` also declares the answers to a request no operation takes).
     */
    static SpecContract.Operation operationOf(Exchange e) {
        String action = first(e.query().get("Action"));
        if (action == null && e.requestHeaders().get("x-acs-action") != null) { // as the edge reads it, trimmed
            action = e.requestHeaders().get("x-acs-action").trim();
        }
        if (action == null && e.requestBody() != null && isForm(e.requestContentType())) {
            action = first(dev.dtscontract.signing.UrlEncoded.decode(e.requestBody()).values().get("Action"));
        }
        SpecContract contract = SpecContract.load();
        return contract.operation(action).orElse(contract.operations().get(SpecContract.FIRST_OPERATION));
    }

    /** A form body as the edge reads one: the media type before any parameter, in any ASCII case. */
    private static boolean isForm(String contentType) {
        return contentType != null && dev.dtscontract.spec.ParameterDefinition.equalsIgnoreAsciiCase(
                "application/x-www-form-urlencoded", contentType.split(";", 2)[0].trim());
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public static List<String> checkResponse(Exchange e) {
        // The answers to another method (R-HTTP: UnsupportedHTTPMethod) are declared on GET and POST, as the path
        // has no operation for that method: such an answer is validated as GET's.
        Request.Method method = e.method().equals("POST") ? Request.Method.POST : Request.Method.GET;
        List<String> problems = new ArrayList<>(problems(e, "response", VALIDATOR.validateResponse(operationOf(e).path(), method, response(e))));
        if (e.responseContentType() != null && e.responseContentType().startsWith("application/xml")) {
            problems.addAll(checkXml(e));
        }
        return problems;
    }

    public static List<String> checkBoth(Exchange e) {
        List<String> problems = new ArrayList<>(checkRequest(e));
        problems.addAll(checkResponse(e));
        return problems;
    }

    private static SimpleRequest request(Exchange e) {
        // The wire path / is the spec's key of the first operation; every other operation is keyed /#Action=<Action>.
        String path = e.path().equals("/") ? operationOf(e).path() : e.path();
        SimpleRequest.Builder b = new SimpleRequest.Builder(e.method(), path);
        e.query().forEach(b::withQueryParam);
        if (e.requestContentType() != null) {
            b.withContentType(e.requestContentType());
        }
        e.requestHeaders().forEach(b::withHeader);
        if (e.requestBody() != null && !e.requestBody().isEmpty()) {
            b.withBody(e.requestBody());
        }
        return b.build();
    }

    private static SimpleResponse response(Exchange e) {
        SimpleResponse.Builder b = SimpleResponse.Builder.status(e.status());
        if (e.responseContentType() != null) {
            b.withContentType(e.responseContentType());
        }
        if (e.responseBody() != null) {
            b.withBody(e.responseBody());
        }
        return b.build();
    }

    private static List<String> problems(Exchange e, String part, ValidationReport report) {
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> e.name() + " " + part + " [" + m.getKey() + "] " + m.getMessage())
                .toList();
    }

    /** The XML root is the schema's xml name for the status; every element is a property of that schema. */
    @SuppressWarnings("rawtypes")
    private static List<String> checkXml(Exchange e) {
        String schemaName = e.status() / 100 == 2 ? operationOf(e).action() + "Response" : "ErrorResponse";
        Schema<?> schema = SPEC.getComponents().getSchemas().get(schemaName);
        List<String> problems = new ArrayList<>();
        Element root;
        try {
            root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(e.responseBody().getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        } catch (Exception unparseable) {
            return List.of(e.name() + " response [xml.parse] " + unparseable.getMessage());
        }
        if (!root.getTagName().equals(schema.getXml().getName())) {
            problems.add(e.name() + " response [xml.root] root <" + root.getTagName() + "> is not <" + schema.getXml().getName() + ">");
        }
        Map<String, Schema> properties = schema.getProperties();
        List<String> seen = new ArrayList<>();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                seen.add(child.getTagName());
                if (!properties.containsKey(child.getTagName())) {
                    problems.add(e.name() + " response [xml.element] <" + child.getTagName() + "> is not a property of " + schemaName);
                }
            }
        }
        schema.getRequired().stream().filter(r -> !seen.contains(r))
                .forEach(r -> problems.add(e.name() + " response [xml.required] <" + r + "> is missing"));
        return problems;
    }
}
