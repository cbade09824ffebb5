package dev.dtscontract.spec;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpecParsesCleanlyTest {

    @Test
    void spec_parsesWithoutErrorsOrWarnings() {
        SwaggerParseResult result = SpecModel.parse();
        assertNotNull(result.getOpenAPI(), "the spec did not parse");
        assertTrue(result.getMessages() == null || result.getMessages().isEmpty(),
                () -> "swagger-parser reported: " + result.getMessages());
    }

    @Test
    void spec_resolvesFullyWithoutMessages() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        options.setValidateInternalRefs(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(SpecModel.text(), null, options);
        assertTrue(result.getMessages() == null || result.getMessages().isEmpty(),
                () -> "swagger-parser reported: " + result.getMessages());
    }

    @Test
    void spec_isOpenApi303() {
        assertEquals("3.0.3", SpecModel.model().getOpenapi());
    }
}
