package dev.dtscontract.client.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An XML answer read as the tree its JSON form gives, with the JDK's parser and no DTD. */
class XmlTreeTest {

    @Test
    void theRootsChildren_byName_nestedElementsAsObjects_repeatedNamesAsArrays_leavesAsText() {
        ObjectNode tree = XmlTree.read("""
                <?xml version="1.0" encoding="UTF-8"?>
                <DescribeDtsJobDetailResponse>
                    <Success>true</Success>
                    <HttpStatusCode>200</HttpStatusCode>
                    <SourceEndpoint><InstanceID>rm-1</InstanceID><Region>cn-hangzhou</Region></SourceEndpoint>
                    <Tag>a</Tag><Tag>b</Tag><Tag>c</Tag>
                    <Empty></Empty>
                    <Escaped>a &lt; b &amp; c</Escaped>
                </DescribeDtsJobDetailResponse>""");
        assertEquals("{\"Success\":\"true\",\"HttpStatusCode\":\"200\",\"SourceEndpoint\":{\"InstanceID\":\"rm-1\",\"Region\":\"cn-hangzhou\"},"
                + "\"Tag\":[\"a\",\"b\",\"c\"],\"Empty\":\"\",\"Escaped\":\"a < b & c\"}", tree.toString());
    }

    @Test
    void aDoctype_isRefused_soNoEntityIsExpanded() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> XmlTree.read(
                "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/hostname\">]><r><Code>&x;</Code></r>"));
        assertTrue(e.getMessage().startsWith("not an XML answer: "), e.getMessage());
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
    }

    @Test
    void aBadAnswer_printsNothing_theExceptionSaysIt() {
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(printed, true));
        try {
            assertThrows(IllegalArgumentException.class, () -> XmlTree.read("<Error><Code>x</Error>"));
        } finally {
            System.setErr(err);
        }
        assertEquals("", printed.toString(), "the parser's default handler prints [Fatal Error] lines");
    }

    @Test
    void textThatIsNotXml_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> XmlTree.read("<Error><Code>x</Error>"));
        assertThrows(IllegalArgumentException.class, () -> XmlTree.read("{\"Code\":\"x\"}"));
    }
}
