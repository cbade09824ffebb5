package dev.dtscontract.samples;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The BOM consumers import manages this project's artifacts and nothing else (as the AWS SDK's does): importing it
 * changes no third-party version a consumer's build manages (a Spring Boot application's Netty and Jackson stayed its
 * own only once the Micronaut platform and JUnit were taken out of it). Every artifact the build publishes is in it, at
 * the build's version.
 */
class BomFollowsTheBuildTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern DEPENDENCY = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);

    @Test
    void theBom_managesOnlyThisProjectsArtifacts_eachAtTheBuildsVersion() throws IOException {
        String build = Files.readString(ROOT.resolve("pom.xml"));
        String bom = Files.readString(ROOT.resolve("bom/pom.xml"));
        assertEquals(value(build, "version"), value(bom, "version"), "the BOM's own version");
        Set<String> managed = new TreeSet<>();
        Matcher m = DEPENDENCY.matcher(bom);
        while (m.find()) {
            String dependency = m.group(1);
            assertEquals("dev.dtscontract", value(dependency, "groupId"), "a third-party entry: " + dependency);
            assertEquals("${project.version}", value(dependency, "version"), dependency);
            assertFalse(dependency.contains("<scope>import</scope>"), "an imported BOM manages others' versions: " + dependency);
            managed.add(value(dependency, "artifactId"));
        }
        assertEquals(new TreeSet<>(Set.of("api-spec", "client", "emulator-junit", "server", "signing", "verifier")), managed);
    }

    private static String value(String pom, String element) {
        Matcher m = Pattern.compile("<" + Pattern.quote(element) + ">([^<]+)</").matcher(pom);
        if (!m.find()) {
            throw new AssertionError("no <" + element + ">");
        }
        return m.group(1);
    }
}
