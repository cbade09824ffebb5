package dev.dtscontract.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dtscontract.client.DtsClientException;

import java.util.Set;

/**
 * Reads an error answer of the service, JSON or XML, into a {@link DtsClientException}: Code or ErrCode,
 * Message or ErrMessage, RequestId. A body that does not parse still yields the exception, with the raw text.
 */
public final class ErrorBodies {

    /** Codes that mean the request was refused before it was applied. */
    private static final Set<String> RETRYABLE_CODES = Set.of("Throttling", "Throttling.User", "ServiceUnavailable");

    private ErrorBodies() {
    }

    public static boolean isRetryable(String code) {
        return code != null && RETRYABLE_CODES.contains(code);
    }

    public static DtsClientException parse(int status, String body) {
        JsonNode tree = tree(body);
        String code = tree == null ? null : first(tree, "Code", "ErrCode");
        if (code == null) {
            return DtsClientException.builder("SDK.UnparsedResponse", "HTTP " + status + " with a body that is not a DTS error")
                    .status(status).rawBody(body).build();
        }
        String message = first(tree, "Message", "ErrMessage");
        return DtsClientException.builder(code, message).status(status).requestId(first(tree, "RequestId"))
                .retryable(isRetryable(code)).build();
    }

    private static JsonNode tree(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return AnswerTree.read(body);
        } catch (java.io.IOException unparseable) {
            return null;
        }
    }

    private static String first(JsonNode tree, String... names) {
        for (String name : names) {
            JsonNode node = tree.get(name);
            if (node != null && !node.isNull() && node.isValueNode() && !node.asText().isEmpty()) {
                return node.asText();
            }
        }
        return null;
    }
}
