package dev.dtscontract.samples;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The release (README "Releases"): the build deployed every artifact a team depends on, with its pom, sources and
 * javadoc, into target/release-repo in a Maven repository layout (a directory a team can serve as it is). Checked
 * file by file, and each jar for what it must hold.
 */
class ReleaseRepositoryTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path REPOSITORY = ROOT.resolve("target/release-repo/dev/dtscontract");

    /** Each published artifact, what it is deployed as, and a class its jars must hold (or null: a pom only). */
    private static final Map<String, String> PUBLISHED = Map.of(
            "client", "dev/dtscontract/client/DtsClient",
            "signing", "dev/dtscontract/signing/SignedRequest",
            "api-spec", "dev/dtscontract/spec/SpecContract",
            "emulator-junit", "dev/dtscontract/emulator/junit/DtsEmulatorExtension",
            "verifier", "dev/dtscontract/verifier/Main",
            "server", "dev/dtscontract/server/Application");

    @Test
    void everyPublishedArtifact_isThereWithItsPomSourcesAndJavadoc() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeFalse("offline=true".equals(System.getProperty("maven.offline")),
                "an offline build (mvn -o) deploys no release; mvn -B verify does");
        assertTrue(Files.isDirectory(REPOSITORY), REPOSITORY + ": the whole build (mvn -B verify) deploys there");
        String version = version();
        for (Map.Entry<String, String> artifact : PUBLISHED.entrySet()) {
            Path dir = REPOSITORY.resolve(artifact.getKey()).resolve(version);
            assertTrue(Files.isRegularFile(dir.resolve("maven-metadata.xml")), dir + ": maven-metadata.xml");
            String type = artifact.getValue().replace('/', '.');
            holds(newest(dir, artifact.getKey(), ".jar"), artifact.getValue() + ".class", type);
            holds(newest(dir, artifact.getKey(), "-sources.jar"), artifact.getValue() + ".java", type + " source");
            holds(newest(dir, artifact.getKey(), "-javadoc.jar"), artifact.getValue() + ".html", type + " javadoc");
            assertTrue(Files.readString(newest(dir, artifact.getKey(), ".pom")).contains("<artifactId>" + artifact.getKey() + "</artifactId>"));
        }
        Path server = REPOSITORY.resolve("server").resolve(version);
        holds(newest(server, "server", "-all.jar"), "dev/dtscontract/server/Application.class", "the standalone emulator");
        holds(newest(server, "server", "-all.jar"), "io/micronaut/runtime/Micronaut.class", "the standalone emulator, shaded");
        Path bom = REPOSITORY.resolve("dts-contract-bom").resolve(version);
        assertTrue(Files.readString(newest(bom, "dts-contract-bom", ".pom")).contains("<artifactId>client</artifactId>"));
        assertTrue(Files.isRegularFile(REPOSITORY.resolve("dts-contract").resolve(version).resolve("maven-metadata.xml")),
                "the parent pom the published poms name");
    }

    /** The latest deployed file of an artifact with this ending (a snapshot's names carry a timestamp and a build number). */
    private static Path newest(Path dir, String artifact, String ending) throws IOException {
        Pattern name = Pattern.compile(Pattern.quote(artifact) + "-[0-9][^/]*?" + Pattern.quote(ending));
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> matching = files.filter(f -> name.matcher(f.getFileName().toString()).matches())
                    .filter(f -> ending.equals(".jar") ? !f.getFileName().toString().matches(".*-(sources|javadoc|all)\\.jar") : true)
                    .sorted().toList();
            assertTrue(!matching.isEmpty(), dir + ": no " + artifact + "-<version>" + ending);
            return matching.get(matching.size() - 1);
        }
    }

    private static void holds(Path jar, String entry, String what) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            assertTrue(zip.getEntry(entry) != null, jar + " has no " + entry + " (" + what + ")");
        }
    }

    private static String version() throws IOException {
        Matcher m = Pattern.compile("<version>([^<]+)</version>").matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertTrue(m.find());
        return m.group(1);
    }
}
