package dev.dtscontract.verifier;

import java.util.List;
import java.util.Map;

/**
 * One HTTP request and its response, as recorded by WireMock or sent by a test; named for failure messages. The
 * request headers that matter to the contract (Authorization and the x-acs-* headers of signature V3) are kept by
 * lower-case name.
 */
public record Exchange(String name, String method, String path, Map<String, List<String>> query, String requestContentType,
                String requestBody, int status, String responseContentType, String responseBody, Map<String, String> requestHeaders) {

    public Exchange(String name, String method, String path, Map<String, List<String>> query, String requestContentType,
             String requestBody, int status, String responseContentType, String responseBody) {
        this(name, method, path, query, requestContentType, requestBody, status, responseContentType, responseBody, Map.of());
    }

    @Override
    public String toString() {
        return name + ": " + method + " " + path + " -> " + status;
    }
}
