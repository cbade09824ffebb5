package example;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The emulator in this test JVM runs on the stack it was built and tested with, though this project imports no
 * Micronaut platform (the dts-contract BOM manages only dts-contract's artifacts): the server's published pom names
 * every dependency at its version, so the modules of Micronaut core and of Netty each come in one version.
 */
class AlignedStackTest {

    /** Modules released together, with one version each: Micronaut core's, Netty's. */
    private static final Pattern MICRONAUT_CORE = Pattern.compile(
            "micronaut-(core|core-reactive|inject|aop|context|context-propagation|http|http-netty|http-server|http-server-netty"
                    + "|router|buffer-netty|json-core|jackson-core|jackson-databind)-(\\d[^/]*)\\.jar$");
    private static final Pattern NETTY = Pattern.compile("netty-([a-z0-9-]+?)-(\\d+\\.\\d+\\.\\d+\\.Final)(-[a-z0-9_-]+)?\\.jar$");

    @Test
    void micronautCoreModules_andNettyModules_eachHaveOneVersion() {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Map<String, String> micronaut = new TreeMap<>();
        Map<String, String> netty = new TreeMap<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            Matcher m = MICRONAUT_CORE.matcher(entry);
            if (m.find()) {
                micronaut.put(m.group(1), m.group(2));
            }
            Matcher n = NETTY.matcher(entry);
            if (n.find()) {
                netty.put(n.group(1), n.group(2));
            }
        }
        assertTrue(micronaut.keySet().containsAll(Set.of("core", "inject", "context", "http", "http-server-netty", "jackson-databind")),
                micronaut.toString());
        assertEquals(1, new TreeSet<>(micronaut.values()).size(), "Micronaut core's modules: " + micronaut);
        assertTrue(netty.keySet().containsAll(Arrays.asList("common", "buffer", "handler", "codec-http")), netty.toString());
        assertEquals(1, new TreeSet<>(netty.values()).size(), "Netty's modules: " + netty);
    }
}
