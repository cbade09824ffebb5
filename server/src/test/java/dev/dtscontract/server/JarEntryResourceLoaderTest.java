package dev.dtscontract.server;

import io.micronaut.core.io.scan.DefaultClassPathResourceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JarEntryResourceLoaderTest {

    @Test
    void answersAsMicronautsLoader_forAFile_aDirectory_aMissingName_andAnEscape(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("resources.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("config/"));
            out.closeEntry();
            out.putNextEntry(new JarEntry("config/application.yml"));
            out.write("dts:\n  journal:\n    size: 7\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        try (URLClassLoader classLoader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            JarEntryResourceLoader ours = new JarEntryResourceLoader(classLoader);
            DefaultClassPathResourceLoader micronauts = new DefaultClassPathResourceLoader(classLoader);
            for (String path : new String[] {"config/application.yml", "config", "config/", "config/missing.yml", "config/../config/application.yml"}) {
                assertEquals(text(micronauts.getResourceAsStream(path)), text(ours.getResourceAsStream(path)), path);
            }
            assertEquals("dts:\n  journal:\n    size: 7\n", text(ours.getResourceAsStream("config/application.yml")));
            assertEquals("(none)", text(ours.getResourceAsStream("config")), "a directory is no resource");
        }
    }

    private static String text(Optional<InputStream> resource) throws Exception {
        if (resource.isEmpty()) {
            return "(none)";
        }
        try (InputStream in = resource.get()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
