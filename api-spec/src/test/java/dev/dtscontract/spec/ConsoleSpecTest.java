package dev.dtscontract.spec;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console's spec: clean, under the console prefix (so behind the control API's guard), every page HTML. */
class ConsoleSpecTest {

    private static OpenAPI model() {
        String text;
        try (InputStream in = ConsoleSpecTest.class.getClassLoader().getResourceAsStream("openapi/EmulatorConsole.yaml")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        options.setValidateInternalRefs(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
        assertTrue(result.getMessages() == null || result.getMessages().isEmpty(), () -> "swagger-parser reported: " + result.getMessages());
        return result.getOpenAPI();
    }

    @Test
    void everyPath_isUnderTheConsolePrefix_andEveryOperationDeclaresTheGuardsRefusal() {
        List<String> operations = new ArrayList<>();
        model().getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
            assertTrue(path.startsWith("/_emulator/console"), path);
            assertTrue(op.getResponses().containsKey("401"), method + " " + path + " must declare C-GUARD's 401");
            assertTrue(op.getResponses().get("200").getContent().keySet().stream().noneMatch(t -> t.equals("application/json")),
                    method + " " + path + " answers a page or a file");
            operations.add(op.getOperationId());
        }));
        assertEquals(List.of("consoleHome", "consoleReference", "consoleSpec", "consoleScript", "consoleStyle", "consoleRequests",
                "consoleRequest", "consoleJobs", "consoleReset"), operations);
    }
}
