package dev.dtscontract.server;

import io.micronaut.core.io.scan.DefaultClassPathResourceLoader;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.util.Optional;
import java.util.jar.JarEntry;

/**
 * Micronaut's class path resource loader, reading a resource in a jar through the jar the class loader has open. Micronaut's
 * own opens the whole jar a second time as a zip file system for every resource it reads from a jar, to ask whether the
 * resource is a directory: for the runnable jar's 12,000 entries that was a few per cent of the start to the first answer,
 * spent reading {@code application.yml} (#28; with {@link ServiceIndex} it was the one walk of the jar left at start).
 * Same answers: a directory is no resource, anything it cannot read this way goes to Micronaut's loader.
 */
final class JarEntryResourceLoader extends DefaultClassPathResourceLoader {

    JarEntryResourceLoader(ClassLoader classLoader) {
        super(classLoader);
    }

    @Override
    public Optional<InputStream> getResourceAsStream(String path) {
        URL url = path.replace('\\', '/').contains("../") ? null : getClassLoader().getResource(path);
        if (url != null && "jar".equals(url.getProtocol())) {
            try {
                URLConnection connection = url.openConnection();
                if (connection instanceof JarURLConnection jar) {
                    JarEntry entry = jar.getJarEntry();
                    return entry == null || entry.isDirectory() ? Optional.empty() : Optional.of(jar.getInputStream());
                }
            } catch (IOException e) {
                // Micronaut's loader below says what it can
            }
        }
        return super.getResourceAsStream(path);
    }
}
