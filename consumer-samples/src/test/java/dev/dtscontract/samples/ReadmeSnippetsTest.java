package dev.dtscontract.samples;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's consumer snippets are the sample projects' code: each {@code <!-- snippet: PATH#TAG -->} block equals the
 * lines between {@code tag::TAG[]} and {@code end::TAG[]} in that file (which maven-invoker-plugin builds and runs), and
 * every tagged region of the samples appears in the README.
 */
class ReadmeSnippetsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern SNIPPET = Pattern.compile("<!-- snippet: (\\S+)#(\\S+) -->\\n```[a-z]*\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("tag::([a-z0-9-]+)\\[]");

    @Test
    void everySnippet_isTheSampleCode() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Matcher m = SNIPPET.matcher(readme);
        int found = 0;
        while (m.find()) {
            found++;
            // The samples name the version the build fills in; the README shows the version it is.
            assertEquals(region(ROOT.resolve(m.group(1)), m.group(2)).replace("@project.version@", version()), m.group(3),
                    "README snippet " + m.group(1) + "#" + m.group(2));
        }
        assertTrue(found >= 5, "README snippets found: " + found);
    }

    @Test
    void everyTaggedRegionOfTheSamples_isInTheReadme() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Set<String> tagged = new TreeSet<>();
        try (Stream<Path> files = Files.walk(ROOT.resolve("consumer-samples/src/it"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Matcher m = TAG.matcher(Files.readString(file));
                while (m.find()) {
                    tagged.add(ROOT.relativize(file) + "#" + m.group(1));
                }
            }
        }
        Set<String> missing = tagged.stream().filter(t -> !readme.contains("<!-- snippet: " + t + " -->"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), missing);
    }

    /** The project's version: the root pom's own. */
    private static String version() throws IOException {
        Matcher m = Pattern.compile("\n  <version>([^<]+)</version>").matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertTrue(m.find(), "the root pom's version");
        return m.group(1);
    }

    /**
     * The lines between the tag markers, without them, each ending in a newline; a tag marked more than once is every
     * such span in order (as Asciidoctor includes it), so a snippet can leave out lines a reader does not need.
     */
    static String region(Path file, String tag) throws IOException {
        List<String> out = new ArrayList<>();
        boolean inside = false;
        boolean found = false;
        for (String line : Files.readAllLines(file)) {
            if (line.contains("end::" + tag + "[]")) {
                if (!inside) {
                    throw new AssertionError("end::" + tag + "[] without its tag in " + file);
                }
                inside = false;
                found = true;
                continue;
            }
            if (inside) {
                out.add(line);
            }
            if (line.contains("tag::" + tag + "[]")) {
                inside = true;
            }
        }
        if (!found || inside) {
            throw new AssertionError("no region " + tag + " (or one not ended) in " + file);
        }
        return out.stream().map(l -> l + "\n").collect(Collectors.joining());
    }
}
