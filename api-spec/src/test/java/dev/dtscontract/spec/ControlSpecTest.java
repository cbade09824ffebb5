package dev.dtscontract.spec;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The test-control API's spec: clean, apart from the RPC surface, and every refusal in the ControlError form. */
class ControlSpecTest {

    private static String text() {
        try (InputStream in = ControlSpecTest.class.getClassLoader().getResourceAsStream("openapi/EmulatorControl.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OpenAPI model() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        options.setValidateInternalRefs(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(text(), null, options);
        assertTrue(result.getMessages() == null || result.getMessages().isEmpty(), () -> "swagger-parser reported: " + result.getMessages());
        return result.getOpenAPI();
    }

    @Test
    void controlSpec_parsesCleanly_as303() {
        assertEquals("3.0.3", model().getOpenapi());
    }

    @Test
    void everyPath_isUnderTheControlPrefix_neverTheRpcSurface() {
        model().getPaths().keySet().forEach(path -> assertTrue(path.startsWith("/_emulator/"), path));
    }

    @Test
    void everyOperation_hasAnIdAndDeclaresTheGuardsRefusal_andEveryErrorIsAControlError() {
        List<String> checked = new ArrayList<>();
        model().getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            Operation op = operation;
            assertTrue(op.getOperationId() != null, method + " " + path);
            assertTrue(op.getResponses().containsKey("401"), method + " " + path + " must declare C-GUARD's 401");
            for (Map.Entry<String, ApiResponse> r : op.getResponses().entrySet()) {
                if (r.getKey().startsWith("4")) {
                    assertEquals(java.util.Set.of("code", "message", "source", "line", "column"),
                            r.getValue().getContent().get("application/json").getSchema().getProperties().keySet(),
                            method + " " + path + " " + r.getKey() + " must answer a ControlError");
                }
            }
            checked.add(method + " " + path);
        }));
        assertEquals(21, checked.size(), "operations: " + checked);
    }

    @Test
    void everyRule_hasAnIdAndText() {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rules = (List<Map<String, Object>>) model().getInfo().getExtensions().get("x-rules");
        assertEquals(List.of("C-GUARD", "C-HOST", "C-ORIGIN", "C-INPUT", "C-SEED", "C-ENTITY", "C-RESET", "C-CLOCK", "C-DURABLE", "C-SNAPSHOT"), rules.stream().map(r -> r.get("id")).toList());
        rules.forEach(r -> assertTrue(r.get("text") != null && !r.get("text").toString().isBlank(), r.toString()));
    }
}
