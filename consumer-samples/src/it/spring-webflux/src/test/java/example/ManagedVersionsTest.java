package example;

import org.junit.jupiter.api.Test;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Adding the dts-contract BOM, client and test support changes none of the versions Spring Boot manages: the Netty,
 * Jackson and Reactor this application runs with are the ones spring-boot-dependencies names (passed in by the pom),
 * and nothing of the emulator's stack (Micronaut) is on its class path.
 */
class ManagedVersionsTest {

    @Test
    void netty_isSpringBootsVersion() {
        String expected = System.getProperty("spring.netty.version");
        for (String module : new String[] {"netty-common", "netty-handler", "netty-codec-http", "netty-transport"}) {
            assertEquals(expected, io.netty.util.Version.identify().get(module).artifactVersion(), module);
        }
    }

    @Test
    void jackson_isSpringBootsVersion() {
        String expected = System.getProperty("spring.jackson.version");
        assertEquals(expected, com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString(), "jackson-databind");
        assertEquals(expected, com.fasterxml.jackson.core.json.PackageVersion.VERSION.toString(), "jackson-core");
    }

    @Test
    void reactor_isTheVersionOfSpringBootsReactorBom() throws Exception {
        String bom = System.getProperty("spring.reactor-bom.version");
        Path pom = Path.of(System.getProperty("local.repository"), "io", "projectreactor", "reactor-bom", bom, "reactor-bom-" + bom + ".pom");
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Files.newInputStream(pom));
        var dependencies = document.getElementsByTagName("dependency");
        String expected = null;
        for (int i = 0; i < dependencies.getLength(); i++) {
            var dependency = (org.w3c.dom.Element) dependencies.item(i);
            if ("reactor-core".equals(dependency.getElementsByTagName("artifactId").item(0).getTextContent())) {
                expected = dependency.getElementsByTagName("version").item(0).getTextContent();
            }
        }
        assertEquals(expected, reactor.core.publisher.Flux.class.getPackage().getImplementationVersion(), "reactor-core");
        assertEquals(expected.isEmpty(), false);
    }

    @Test
    void nothingOfTheEmulatorsStack_isOnTheClassPath() {
        for (String absent : new String[] {"io.micronaut.context.ApplicationContext", "dev.dtscontract.server.EmbeddedEmulator"}) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(absent), absent);
        }
    }
}
