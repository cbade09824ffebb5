package dev.dtscontract.samples;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The BOM consumers import manages this project's artifacts and nothing else (as AWS SDK's BOM does): every published
 * module, at the build's version, no third-party version and no imported BOM, so importing it changes none of a
 * consumer's own versions (the spring-webflux sample checks the effect: Spring's Netty, Jackson and Reactor stay).
 */
class BomFollowsTheBuildTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theBomManagesEveryPublishedModule_andNothingElse() throws Exception {
        Document build = read(ROOT.resolve("pom.xml"));
        Document bom = read(ROOT.resolve("bom/pom.xml"));
        String version = child(build.getDocumentElement(), "version");
        assertEquals(version, child(bom.getDocumentElement(), "version"), "the BOM's own version");

        Set<String> published = new TreeSet<>();
        NodeList modules = build.getElementsByTagName("module");
        for (int i = 0; i < modules.getLength(); i++) {
            Document module = read(ROOT.resolve(modules.item(i).getTextContent()).resolve("pom.xml"));
            NodeList skip = module.getElementsByTagName("release.skip");
            String artifactId = child(module.getDocumentElement(), "artifactId");
            if (!artifactId.equals("dts-contract-bom") && (skip.getLength() == 0 || !skip.item(0).getTextContent().equals("true"))) {
                published.add("dev.dtscontract:" + artifactId + ":" + version);
            }
        }
        List<String> managed = new ArrayList<>();
        NodeList dependencies = bom.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element d = (Element) dependencies.item(i);
            String v = child(d, "version").replace("${project.version}", version);
            managed.add(child(d, "groupId") + ":" + child(d, "artifactId") + ":" + v
                    + (child(d, "scope").isEmpty() ? "" : ":" + child(d, "scope")));
        }
        assertEquals(List.copyOf(published), managed.stream().sorted().toList());
    }

    private static Document read(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    }

    /** The text of a direct child element, empty when there is none. */
    private static String child(Element parent, String name) {
        for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent().trim();
            }
        }
        return "";
    }
}
