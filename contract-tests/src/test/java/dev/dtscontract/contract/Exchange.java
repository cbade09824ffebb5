package dev.dtscontract.contract;

import java.util.List;
import java.util.Map;

/** One HTTP request and its response, as recorded by WireMock or sent by a test; named for failure messages. */
record Exchange(String name, String method, String path, Map<String, List<String>> query, String requestContentType,
                String requestBody, int status, String responseContentType, String responseBody) {

    @Override
    public String toString() {
        return name + ": " + method + " " + path + " -> " + status;
    }
}
