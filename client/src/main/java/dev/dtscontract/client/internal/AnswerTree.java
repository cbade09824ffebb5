package dev.dtscontract.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/** An answer's body as one tree, whichever form it came in: XML ({@link XmlTree}) when it starts with '<', else JSON. */
public final class AnswerTree {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AnswerTree() {
    }

    /**
     * @throws IOException when the body is neither well-formed XML nor JSON
     */
    public static JsonNode read(String body) throws IOException {
        if (!body.stripLeading().startsWith("<")) {
            return JSON.readTree(body);
        }
        try {
            return XmlTree.read(body);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
