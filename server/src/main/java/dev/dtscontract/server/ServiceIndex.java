package dev.dtscontract.server;

import io.micronaut.core.io.service.MicronautMetaServiceLoaderUtils;
import io.micronaut.core.io.service.SoftServiceLoader;
import io.micronaut.core.optim.StaticOptimizations;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The runnable jar's Micronaut services, listed once by the build instead of found by every start. Micronaut finds its
 * bean definitions, introspections and other services by opening the jar a second time as a zip file system and walking
 * {@code META-INF/micronaut/}: on the 12,000-entry runnable jar that was about a tenth of the start to the first answer
 * (#28, a JFR profile: {@code ZipFileSystem.initCEN} under {@code SoftServiceLoader.collectAll}). The build runs
 * {@link #main} on the shaded jar, which writes what that walk and {@code META-INF/services} find, in the order they find
 * it, into the jar ({@value #RESOURCE}); {@link Application#main} installs it as Micronaut's static service loaders
 * (the mechanism Micronaut AOT uses) before anything of Micronaut starts.
 *
 * <p>Only where it is the truth: the emulator runs from that jar alone ({@code java -jar}: one class path entry, the
 * jar holding the index). On any other class path (a test's, the IDE's, a jar with extra entries) nothing is installed
 * and Micronaut scans as usual.
 */
final class ServiceIndex {

    static final String RESOURCE = "META-INF/dts-emulator/micronaut-services";
    private static final MethodType NO_ARGUMENTS = MethodType.methodType(void.class);

    private ServiceIndex() {
    }

    /**
     * Installs the index when the emulator runs from the jar that holds it alone; says whether it did. Must run before
     * Micronaut reads its optimizations (the first service it loads).
     */
    static boolean install() {
        ClassLoader loader = ServiceIndex.class.getClassLoader();
        URL index = loader.getResource(RESOURCE);
        if (index == null || !ranFromThatJarAlone(index)) {
            return false;
        }
        Map<String, List<String>> services;
        try (InputStream in = index.openStream()) {
            services = read(in);
        } catch (IOException e) {
            return false; // unreadable: Micronaut scans as it would without the index
        }
        Map<String, SoftServiceLoader.StaticServiceLoader<?>> loaders = new LinkedHashMap<>();
        services.forEach((service, implementations) -> loaders.put(service, new Listed<>(implementations, loader)));
        StaticOptimizations.set(new SoftServiceLoader.Optimizations(new EveryServiceListed(loaders)));
        return true;
    }

    /** One class path entry, and the index is in it: what {@code java -jar} of the runnable jar gives. */
    private static boolean ranFromThatJarAlone(URL index) {
        String classPath = System.getProperty("java.class.path", "");
        if (classPath.isEmpty() || classPath.contains(java.io.File.pathSeparator) || !"jar".equals(index.getProtocol())) {
            return false;
        }
        String external = index.toExternalForm(); // jar:file:/path/to/dts-emulator.jar!/META-INF/...
        int separator = external.indexOf("!/");
        try {
            Path jarOfIndex = Path.of(URI.create(external.substring("jar:".length(), separator))).toRealPath();
            return jarOfIndex.equals(Path.of(classPath).toRealPath());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Lines {@code service=implementation,implementation,...}, as {@link #write} writes them. */
    static Map<String, List<String>> read(InputStream in) throws IOException {
        Map<String, List<String>> services = new LinkedHashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            int equals = line.indexOf('=');
            if (line.isBlank() || line.startsWith("#") || equals < 1) {
                continue;
            }
            String implementations = line.substring(equals + 1);
            services.put(line.substring(0, equals), implementations.isEmpty() ? List.of() : List.of(implementations.split(",")));
        }
        return services;
    }

    /**
     * Every service the class loader's {@code META-INF/services} files and {@code META-INF/micronaut/} entries name, in
     * the order Micronaut's own scan finds them (the standard files first, then the Micronaut entries).
     */
    static Map<String, List<String>> scan(ClassLoader loader) throws IOException {
        Map<String, Set<String>> found = new LinkedHashMap<>();
        Set<String> standardNames = new TreeSet<>();
        Enumeration<URL> directories = loader.getResources("META-INF/services/");
        while (directories.hasMoreElements()) {
            standardNames.addAll(entriesOf(directories.nextElement()));
        }
        for (String service : standardNames) {
            Enumeration<URL> files = loader.getResources("META-INF/services/" + service);
            while (files.hasMoreElements()) {
                found.computeIfAbsent(service, s -> new LinkedHashSet<>()).addAll(implementationsIn(files.nextElement()));
            }
        }
        MicronautMetaServiceLoaderUtils.findAllMicronautMetaServices(loader)
                .forEach((service, entries) -> found.computeIfAbsent(service, s -> new LinkedHashSet<>()).addAll(entries));
        Map<String, List<String>> out = new LinkedHashMap<>();
        found.forEach((service, implementations) -> out.put(service, List.copyOf(implementations)));
        return out;
    }

    private static List<String> entriesOf(URL directory) throws IOException {
        List<String> names = new ArrayList<>();
        try (FileSystem jar = "jar".equals(directory.getProtocol()) ? FileSystems.newFileSystem(jarOf(directory), Map.of()) : null;
             Stream<Path> files = Files.list(jar == null ? Path.of(URI.create(directory.toExternalForm())) : jar.getPath("META-INF/services"))) {
            files.filter(Files::isRegularFile).forEach(file -> names.add(file.getFileName().toString()));
        }
        return names;
    }

    private static URI jarOf(URL entry) {
        String external = entry.toExternalForm();
        return URI.create(external.substring(0, external.indexOf("!/")));
    }

    private static List<String> implementationsIn(URL file) throws IOException {
        List<String> names = new ArrayList<>();
        try (InputStream in = file.openStream()) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int comment = line.indexOf('#');
                String name = (comment < 0 ? line : line.substring(0, comment)).trim();
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** The index's text for these services. */
    static String write(Map<String, List<String>> services) {
        StringBuilder out = new StringBuilder("# Written by the build (ServiceIndex): the Micronaut services of this jar, in scan order.\n");
        services.forEach((service, implementations) -> out.append(service).append('=').append(String.join(",", implementations)).append('\n'));
        return out.toString();
    }

    /** The build's step after the shade: {@code ServiceIndex <runnable jar>} adds the index of that jar to it. */
    public static void main(String[] args) throws IOException {
        Path jar = Path.of(args[0]).toAbsolutePath();
        Map<String, List<String>> services;
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            services = scan(loader);
        }
        try (FileSystem zip = FileSystems.newFileSystem(jar, Map.of())) {
            Path entry = zip.getPath(RESOURCE);
            Files.createDirectories(entry.getParent());
            Files.writeString(entry, write(services), StandardCharsets.UTF_8);
        }
        System.out.println("ServiceIndex: " + services.size() + " services, "
                + services.values().stream().mapToInt(List::size).sum() + " implementations, indexed in " + jar.getFileName());
    }

    /**
     * A service's implementations by name, created as Micronaut's scan creates them (public no-argument constructor) when
     * they are asked for, each time.
     */
    static final class Listed<S> implements SoftServiceLoader.StaticServiceLoader<S> {
        private final List<String> implementations;
        private final ClassLoader loader;

        Listed(List<String> implementations, ClassLoader loader) {
            this.implementations = implementations;
            this.loader = loader;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Stream<SoftServiceLoader.StaticDefinition<S>> findAll(Predicate<String> condition) {
            List<SoftServiceLoader.StaticDefinition<S>> out = new ArrayList<>();
            for (String name : implementations) {
                if (condition != null && !condition.test(name)) {
                    continue;
                }
                S service;
                try {
                    service = (S) MethodHandles.publicLookup().findConstructor(Class.forName(name, false, loader), NO_ARGUMENTS).invoke();
                } catch (NoClassDefFoundError | ClassNotFoundException | NoSuchMethodException | IllegalAccessException e) {
                    // As Micronaut's scan does: a service whose class, or a class it needs (a bean definition of an
                    // optional module), is missing is left out.
                    continue;
                } catch (Throwable e) {
                    throw new IllegalStateException("cannot create the service " + name, e);
                }
                out.add(SoftServiceLoader.StaticDefinition.of(name, () -> service));
            }
            return out.stream();
        }
    }

    /**
     * The loaders by service name, and an empty loader for a service the index does not name: the index lists every
     * service of the jar, so one it does not name has no implementation there (asking the jar again is the walk this
     * class exists to avoid).
     */
    static final class EveryServiceListed extends java.util.AbstractMap<String, SoftServiceLoader.StaticServiceLoader<?>> {
        private static final SoftServiceLoader.StaticServiceLoader<?> NONE = condition -> Stream.empty();
        private final Map<String, SoftServiceLoader.StaticServiceLoader<?>> listed;

        EveryServiceListed(Map<String, SoftServiceLoader.StaticServiceLoader<?>> listed) {
            this.listed = listed;
        }

        @Override
        public SoftServiceLoader.StaticServiceLoader<?> get(Object service) {
            return listed.getOrDefault(service, NONE);
        }

        @Override
        public boolean containsKey(Object service) {
            return service instanceof String;
        }

        @Override
        public Set<Entry<String, SoftServiceLoader.StaticServiceLoader<?>>> entrySet() {
            return listed.entrySet();
        }
    }
}
