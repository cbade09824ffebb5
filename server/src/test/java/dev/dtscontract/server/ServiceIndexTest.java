package dev.dtscontract.server;

import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.core.io.service.SoftServiceLoader;
import io.micronaut.inject.BeanDefinitionReference;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceIndexTest {

    @Test
    void scan_findsTheStandardServiceFiles_andMicronautsEntries_ofTheClassPath() throws Exception {
        Map<String, List<String>> services = ServiceIndex.scan(getClass().getClassLoader());

        // META-INF/services of this module (logback's configurator) ...
        assertEquals(List.of("dev.dtscontract.server.logging.EmulatorLogConfigurator"),
                services.get("ch.qos.logback.classic.spi.Configurator"));
        // ... and META-INF/micronaut/<service>/<implementation> entries, this module's and Micronaut's own.
        List<String> beans = services.get(BeanDefinitionReference.class.getName());
        assertTrue(beans.contains("dev.dtscontract.server.$EmulatorFactory$SpecContract0$Definition"));
        assertTrue(beans.contains("io.micronaut.http.server.netty.$DefaultNettyEmbeddedServerFactory$Definition"));
        assertEquals(beans.size(), new java.util.HashSet<>(beans).size(), "each implementation once");
    }

    @Test
    void whatIsWritten_isReadBack_inItsOrder_withServicesWithoutImplementations() throws Exception {
        Map<String, List<String>> services = new LinkedHashMap<>();
        services.put("b.Service", List.of("b.Two", "b.One"));
        services.put("a.Service", List.of());
        services.put("c.Service", List.of("c.Only"));

        Map<String, List<String>> read = ServiceIndex.read(new ByteArrayInputStream(ServiceIndex.write(services).getBytes(StandardCharsets.UTF_8)));

        assertEquals(services, read);
        assertEquals(List.of("b.Service", "a.Service", "c.Service"), List.copyOf(read.keySet()));
    }

    @Test
    void onATestClassPath_nothingIsInstalled() {
        // Several class path entries, and no index in any of them: Micronaut keeps scanning (the test contexts rely on it).
        assertFalse(ServiceIndex.install());
    }

    @Test
    void aListedServiceWhoseClassCannotLoad_isLeftOut_asMicronautsScanLeavesItOut() {
        ServiceIndex.Listed<ApplicationContextConfigurer> listed = new ServiceIndex.Listed<>(
                List.of("no.such.Configurer", NeedsAMissingClass.class.getName(), TestConfigurer.class.getName()), getClass().getClassLoader());

        List<ApplicationContextConfigurer> loaded = listed.load(null);

        assertEquals(1, loaded.size());
        assertTrue(loaded.get(0) instanceof TestConfigurer);
        assertEquals(List.of(TestConfigurer.class.getName()),
                listed.findAll(name -> true).map(SoftServiceLoader.StaticDefinition::getName).toList());
        assertEquals(List.of(), listed.findAll(name -> !name.equals(TestConfigurer.class.getName())).toList(),
                "the condition Micronaut passes is applied by name");
    }

    @Test
    void aServiceTheIndexDoesNotName_hasNoImplementation() {
        Map<String, SoftServiceLoader.StaticServiceLoader<?>> loaders = new ServiceIndex.EveryServiceListed(Map.of(
                "a.Service", new ServiceIndex.Listed<>(List.of(TestConfigurer.class.getName()), getClass().getClassLoader())));

        assertTrue(loaders.containsKey("not.in.the.Index"));
        assertEquals(List.of(), loaders.get("not.in.the.Index").load(null));
        assertEquals(1, loaders.get("a.Service").load(null).size());
    }

    /** A service whose constructor needs a class that is not there (as a bean definition of a module left out does). */
    public static final class NeedsAMissingClass implements ApplicationContextConfigurer {
        public NeedsAMissingClass() {
            throw new NoClassDefFoundError("io/micronaut/websocket/WebSocketBroadcaster");
        }
    }

    /** A service implementation with the public no-argument constructor the scan requires. */
    public static final class TestConfigurer implements ApplicationContextConfigurer {
        public TestConfigurer() {
        }
    }
}
