package dev.dtscontract.spec;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The spec against Alibaba Cloud's generated SDK model of the operation (fixture official-model/, with its
 * sources): every request field is a query parameter of both operations and a property of the request model, with
 * the same type; the success response has exactly the model's fields, with the same types. The same for
 * DescribeDtsJobDetail (official-model/DescribeDtsJobDetail.tsv).
 */
class SpecCarriesTheOfficialModelTest {

    private final OpenAPI spec = SpecModel.model();

    private List<String[]> rows(String part) {
        return SpecModel.tsv("official-model/ModifyDtsJobEndpoint.tsv").stream().filter(r -> r[0].equals(part)).toList();
    }

    @Test
    void everyRequestField_isAQueryParameterOfBothOperationsAndOfTheRequestModel_withItsType() {
        List<String> problems = new ArrayList<>();
        Map<String, Schema> model = schema("ModifyDtsJobEndpointRequest").getProperties();
        for (var operation : List.of(spec.getPaths().get("/").getGet(), spec.getPaths().get("/").getPost())) {
            Map<String, Parameter> query = new TreeMap<>();
            operation.getParameters().stream().map(this::resolve).filter(p -> "query".equals(p.getIn()))
                    .forEach(p -> query.put(p.getName(), p));
            for (String[] row : rows("request")) {
                Parameter p = query.get(row[1]);
                if (p == null) problems.add(operation.getOperationId() + ": no query parameter " + row[1]);
                else if (!row[2].equals(type(p.getSchema()))) problems.add(operation.getOperationId() + ": " + row[1] + " is " + type(p.getSchema()));
            }
        }
        for (String[] row : rows("request")) {
            Schema<?> property = model.get(row[1]);
            if (property == null) problems.add("ModifyDtsJobEndpointRequest: no property " + row[1]);
            else if (!row[2].equals(type(property))) problems.add("ModifyDtsJobEndpointRequest: " + row[1] + " is " + type(property));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void successResponse_hasExactlyTheModelsFields_withTheirTypes() {
        Map<String, String> expected = new TreeMap<>();
        rows("response").forEach(r -> expected.put(r[1], r[2]));
        Map<String, String> actual = new TreeMap<>();
        schema("ModifyDtsJobEndpointResponse").getProperties().forEach((name, s) -> actual.put(name, type((Schema<?>) s)));
        assertEquals(expected, actual);
    }

    // DescribeDtsJobDetail (official-model/DescribeDtsJobDetail.tsv): its request exactly; the response and endpoint
    // fields the spec returns, as recorded there (a documented subset of the SDK model's).

    private static final List<String> COMMON = List.of("Action", "Format", "Version", "AccessKeyId", "SignatureMethod",
            "SignatureVersion", "SignatureNonce", "Timestamp", "SecurityToken");
    private Map<String, String> describeRows(String part) {
        Map<String, String> out = new TreeMap<>();
        SpecModel.tsv("official-model/DescribeDtsJobDetail.tsv").stream().filter(r -> r[0].equals(part)).forEach(r -> out.put(r[1], r[2]));
        return out;
    }

    @Test
    void describeDtsJobDetail_bothOperationsAndTheRequestModel_takeExactlyTheModelsRequestFields() {
        var item = spec.getPaths().get("/#Action=DescribeDtsJobDetail");
        List<String> problems = new ArrayList<>();
        for (Operation operation : List.of(item.getGet(), item.getPost())) {
            Map<String, String> query = new TreeMap<>();
            operation.getParameters().stream().map(this::resolve).filter(p -> "query".equals(p.getIn()) && !COMMON.contains(p.getName()))
                    .forEach(p -> query.put(p.getName(), type(p.getSchema())));
            if (!query.equals(describeRows("request"))) problems.add(operation.getOperationId() + ": " + query);
        }
        Map<String, String> model = new TreeMap<>();
        schema("DescribeDtsJobDetailRequest").getProperties().forEach((name, s) -> {
            if (!COMMON.contains(name)) model.put(name, type((Schema<?>) s));
        });
        if (!model.equals(describeRows("request"))) problems.add("DescribeDtsJobDetailRequest: " + model);
        assertEquals(List.of(), problems);
    }

    @Test
    void describeDtsJobDetail_theSuccessResponseAndItsEndpoint_haveExactlyTheRecordedFields() {
        Map<String, String> response = new TreeMap<>();
        schema("DescribeDtsJobDetailResponse").getProperties().forEach((name, s) -> response.put(name, type((Schema<?>) s)));
        assertEquals(describeRows("response"), response);
        Map<String, String> endpoint = new TreeMap<>();
        schema("DescribeDtsJobDetailEndpoint").getProperties().forEach((name, s) -> endpoint.put(name, type((Schema<?>) s)));
        assertEquals(describeRows("endpoint"), endpoint);
    }

    private Schema<?> schema(String name) {
        return spec.getComponents().getSchemas().get(name);
    }

    private Parameter resolve(Parameter p) {
        return p.get$ref() == null ? p : spec.getComponents().getParameters().get(p.get$ref().substring(p.get$ref().lastIndexOf('/') + 1));
    }

    private String type(Schema<?> schema) {
        Schema<?> s = schema.get$ref() == null ? schema : schema(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
        return s.getType();
    }
}
