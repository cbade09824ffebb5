package dev.dtscontract.server.rpc;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;

/** The media type a request asked for with Format (JSON by default, XML in any case). */
public final class ResponseFormat {

    private ResponseFormat() {
    }

    /** Reads Format from the query or, for a form POST, the canonical parameters the filter stored. */
    public static MediaType of(HttpRequest<?> request) {
        String format = request.getAttribute(RpcRequestFilter.FORMAT_ATTRIBUTE, String.class)
                .orElseGet(() -> request.getParameters().getAll("Format").stream().findFirst().orElse("JSON"));
        return "XML".equalsIgnoreCase(format) ? MediaType.APPLICATION_XML_TYPE : MediaType.APPLICATION_JSON_TYPE;
    }
}
