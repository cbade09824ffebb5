package example;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What this program runs with: the client, the signing module and Jackson, nothing of a framework (the README's figures). */
class RuntimeClassPathTest {

    @Test
    void theProgramsRuntimeClassPath_isTheClientTheSigningModuleAndJackson() throws Exception {
        List<Path> jars = Arrays.stream(Files.readString(Path.of("target", "runtime-class-path.txt")).strip().split(File.pathSeparator))
                .map(Path::of).toList();
        List<String> names = jars.stream().map(p -> p.getFileName().toString().replaceAll("-[0-9][^-]*(-SNAPSHOT)?\\.jar$", "")).sorted().toList();
        assertEquals(List.of("client", "jackson-annotations", "jackson-core", "jackson-databind", "signing"), names, jars.toString());
        long bytes = 0;
        for (Path jar : jars) {
            bytes += Files.size(jar);
        }
        assertTrue(bytes <= 4L << 20, bytes + " bytes");
    }
}
