package dev.dtscontract.spec;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Loads the packaged spec from the classpath, as every consumer of the api-spec jar does. */
public final class SpecModel {

    static final String RESOURCE = "openapi/ModifyDtsJobEndpoint.yaml";

    private SpecModel() {
    }

    public static String text() {
        try (InputStream in = SpecModel.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("spec not on the classpath: " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses without inlining references, so that unused components can be detected. */
    static SwaggerParseResult parse() {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        return new OpenAPIV3Parser().readContents(text(), null, options);
    }

    public static OpenAPI model() {
        return parse().getOpenAPI();
    }

    /** Reads lines of a tab-separated fixture, skipping comments. */
    static List<String[]> tsv(String resource) {
        try (InputStream in = SpecModel.class.getClassLoader().getResourceAsStream(resource)) {
            List<String[]> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t"));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String json(Object modelPart) {
        return Json.pretty(modelPart);
    }
}
