package dev.dtscontract.samples;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The BOM consumers import names the Micronaut platform and JUnit versions this build is made and tested with. */
class BomFollowsTheBuildTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void bomVersions_equalTheBuilds() throws IOException {
        String build = Files.readString(ROOT.resolve("pom.xml"));
        String bom = Files.readString(ROOT.resolve("bom/pom.xml"));
        for (String property : new String[] {"micronaut.platform.version", "junit.version"}) {
            assertEquals(value(build, property), value(bom, property), property);
        }
        assertEquals(value(build, "version"), value(bom, "version"), "the BOM's own version");
    }

    private static String value(String pom, String element) {
        Matcher m = Pattern.compile("<" + Pattern.quote(element) + ">([^<]+)</").matcher(pom);
        if (!m.find()) {
            throw new AssertionError("no <" + element + ">");
        }
        return m.group(1);
    }
}
