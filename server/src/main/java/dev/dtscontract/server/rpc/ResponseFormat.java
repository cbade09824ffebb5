package dev.dtscontract.server.rpc;

import dev.dtscontract.signing.UrlEncoded;
import dev.dtscontract.spec.ParameterDefinition;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;

import java.util.List;

/** The format a request asked for with Format: JSON by default, XML in any (ASCII) case. Decided once, by the edge. */
public enum ResponseFormat {
    JSON(MediaType.APPLICATION_JSON_TYPE),
    XML(MediaType.APPLICATION_XML_TYPE);

    private static final String ATTRIBUTE = "dts.format";

    private final MediaType mediaType;

    ResponseFormat(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    public MediaType mediaType() {
        return mediaType;
    }

    /** XML when the first Format value found (query first, then form) says XML, whatever else is wrong with the request. */
    static ResponseFormat asked(UrlEncoded.Decoded query, UrlEncoded.Decoded form) {
        for (UrlEncoded.Decoded source : List.of(query, form)) {
            List<String> format = source.values().get("Format");
            if (format != null) {
                return ParameterDefinition.equalsIgnoreAsciiCase("XML", format.get(0)) ? XML : JSON;
            }
        }
        return JSON;
    }

    void decideFor(HttpRequest<?> request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    /** The format the edge decided for this request; JSON for one it never saw. */
    public static ResponseFormat of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, ResponseFormat.class).orElse(JSON);
    }
}
