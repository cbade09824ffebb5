package dev.dtscontract.client;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a plain Java project gets on its runtime class path by adding this client (the README states it): the signing
 * module and Jackson, no framework, no Netty, no logging backend. Read from the class path Maven resolves for the
 * runtime scope (target/runtime-class-path.txt, written by the build), so a dependency added to the pom fails it.
 */
class RuntimeDependenciesTest {

    /** The README's figures: at most this many jars besides the client's own, and this many bytes in all. */
    static final int MAX_JARS = 5;
    static final long MAX_BYTES = 4L << 20;

    @Test
    void theClientsRuntimeClassPath_isTheSigningModuleAndJackson() throws IOException {
        String line = Files.readString(Path.of("target", "runtime-class-path.txt")).strip();
        List<Path> jars = Arrays.stream(line.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of).toList();
        List<String> names = jars.stream().map(p -> p.getFileName().toString().replaceAll("-[0-9][^-]*(-SNAPSHOT)?\\.jar$", "")
                .replaceAll("\\.jar$", "")).sorted().toList();
        // Built in this reactor the signing module is its target/classes directory, not a jar.
        assertEquals(List.of("jackson-annotations", "jackson-core", "jackson-databind", "signing"),
                names.stream().map(n -> n.equals("classes") ? "signing" : n).sorted().toList(), "runtime class path: " + jars);
        assertTrue(jars.size() + 1 <= MAX_JARS, jars.size() + " jars and the client's own");
        long bytes = 0;
        for (Path jar : jars) {
            bytes += Files.isDirectory(jar) ? 0 : Files.size(jar);
        }
        assertTrue(bytes < MAX_BYTES - (512L << 10), "the dependencies take " + bytes + " bytes, leaving less than 512 KiB of "
                + MAX_BYTES + " for the client and signing jars");
    }
}
