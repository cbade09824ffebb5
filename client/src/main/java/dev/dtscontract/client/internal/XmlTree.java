package dev.dtscontract.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;

/**
 * An XML answer of DTS as the tree its JSON form would give: the root element's children by name, an element with
 * children an object, a repeated name an array, a leaf its text (Jackson reads "true" and "200" into the model's
 * Boolean and Integer as it does for JSON). Read with the JDK's own parser, DTDs and external entities refused: no XML
 * library on the client's class path.
 */
public final class XmlTree {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private XmlTree() {
    }

    /**
     * @throws IllegalArgumentException when the text is not well-formed XML or declares a DTD
     */
    public static ObjectNode read(String xml) {
        Element root;
        try {
            root = parser().parse(new InputSource(new StringReader(xml))).getDocumentElement();
        } catch (Exception e) {
            throw new IllegalArgumentException("not an XML answer: " + e.getMessage(), e);
        }
        return object(root);
    }

    /**
     * The JDK's parser refusing any DOCTYPE (so no entity, internal or external, is declared or expanded: XInclude and
     * namespaces are off by default), and quiet: its default error handler prints to stderr besides throwing.
     */
    private static DocumentBuilder parser() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder;
    }

    private static ObjectNode object(Element element) {
        ObjectNode object = NODES.objectNode();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                JsonNode value = value(e);
                JsonNode seen = object.get(e.getTagName());
                if (seen == null) {
                    object.set(e.getTagName(), value);
                } else if (seen instanceof ArrayNode array) {
                    array.add(value);
                } else {
                    object.putArray(e.getTagName()).add(seen).add(value);
                }
            }
        }
        return object;
    }

    private static JsonNode value(Element element) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element) {
                return object(element);
            }
        }
        return NODES.textNode(element.getTextContent());
    }
}
