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
 * DescribeDtsJobDetail against Alibaba Cloud's generated SDK model (official-model/DescribeDtsJobDetail.tsv, with its
 * sources): its GET and POST take exactly the model's request fields (besides the common ones), with their types, as
 * does its request model; its success response and endpoint have exactly the recorded fields, with their types.
 */
class DescribeDtsJobDetailCarriesTheOfficialModelTest {

    private static final List<String> COMMON = List.of("Action", "Format", "Version", "AccessKeyId", "SignatureMethod",
            "SignatureVersion", "SignatureNonce", "Timestamp", "SecurityToken");
    private final OpenAPI spec = SpecModel.model();

    private Map<String, String> rows(String part) {
        Map<String, String> out = new TreeMap<>();
        SpecModel.tsv("official-model/DescribeDtsJobDetail.tsv").stream().filter(r -> r[0].equals(part)).forEach(r -> out.put(r[1], r[2]));
        return out;
    }

    @Test
    void bothOperationsAndTheRequestModel_takeExactlyTheModelsRequestFields() {
        var item = spec.getPaths().get("/#Action=DescribeDtsJobDetail");
        List<String> problems = new ArrayList<>();
        for (Operation operation : List.of(item.getGet(), item.getPost())) {
            Map<String, String> query = new TreeMap<>();
            operation.getParameters().stream().map(this::resolve).filter(p -> "query".equals(p.getIn()) && !COMMON.contains(p.getName()))
                    .forEach(p -> query.put(p.getName(), type(p.getSchema())));
            if (!query.equals(rows("request"))) problems.add(operation.getOperationId() + ": " + query);
        }
        Map<String, String> model = new TreeMap<>();
        schema("DescribeDtsJobDetailRequest").getProperties().forEach((name, s) -> {
            if (!COMMON.contains(name)) model.put(name, type((Schema<?>) s));
        });
        if (!model.equals(rows("request"))) problems.add("DescribeDtsJobDetailRequest: " + model);
        assertEquals(List.of(), problems);
    }

    @Test
    void theSuccessResponseAndItsEndpoint_haveExactlyTheRecordedFields() {
        Map<String, String> response = new TreeMap<>();
        schema("DescribeDtsJobDetailResponse").getProperties().forEach((name, s) -> response.put(name, type((Schema<?>) s)));
        assertEquals(rows("response"), response);
        Map<String, String> endpoint = new TreeMap<>();
        schema("DescribeDtsJobDetailEndpoint").getProperties().forEach((name, s) -> endpoint.put(name, type((Schema<?>) s)));
        assertEquals(rows("endpoint"), endpoint);
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
