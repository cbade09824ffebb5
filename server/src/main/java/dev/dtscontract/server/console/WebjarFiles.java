package dev.dtscontract.server.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Text files of a webjar packaged in the emulator (e.g. Swagger UI's), read once, by plain file name only. */
final class WebjarFiles {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9.-]*");

    private final String directory;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    WebjarFiles(String artifactId) {
        this.directory = "META-INF/resources/webjars/" + artifactId + "/" + version(artifactId) + "/";
    }

    /** The file's text; {@link ConsoleRefusal} for a name that is not a plain file name with this suffix, or not there. */
    String text(String file, String suffix) {
        if (file == null || !NAME.matcher(file).matches() || !file.endsWith(suffix) || file.contains("..")) {
            throw ConsoleRefusal.notFound("No file " + file + ".");
        }
        return cache.computeIfAbsent(file, f -> {
            try (InputStream in = WebjarFiles.class.getClassLoader().getResourceAsStream(directory + f)) {
                if (in == null) {
                    throw ConsoleRefusal.notFound("No file " + f + ".");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static String version(String artifactId) {
        String resource = "META-INF/maven/org.webjars/" + artifactId + "/pom.properties";
        try (InputStream in = WebjarFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The webjar " + artifactId + " is not in the emulator (" + resource + ")");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
