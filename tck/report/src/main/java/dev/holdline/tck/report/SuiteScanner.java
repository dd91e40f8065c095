package dev.holdline.tck.report;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Lists the classes of the TCK suite, so that tests no runner reported (or that carry no
 * {@code @Assertion}) are still found. The suite is not expected at a fixed path: it is a jar or a
 * class directory given on the command line, or found on the class path.
 */
final class SuiteScanner {

    /** Every jar built by maven-jar-plugin carries its Maven descriptor; this one marks the suite jar. */
    static final String SUITE_MARKER = "META-INF/maven/dev.holdline/holdline-tck/pom.properties";

    private final Locations locations;
    private final Problems problems;

    SuiteScanner(Locations locations, Problems problems) {
        this.locations = locations;
        this.problems = problems;
    }

    /**
     * Where the suite is on the class path: the jar holding {@link #SUITE_MARKER}, plus the jars or
     * directories holding the test classes the runners reported (a vendor's suite build, or the suite
     * as a class directory before it is packaged).
     */
    static List<Path> locate(ClassLoader loader, Collection<String> reportedClasses) {
        Set<Path> roots = new LinkedHashSet<>();
        try {
            for (URL url : Collections.list(loader.getResources(SUITE_MARKER))) {
                Path root = rootOf(url, SUITE_MARKER);
                if (root != null) {
                    roots.add(root);
                }
            }
        } catch (IOException e) {
            // Nothing found this way; the reported classes may still lead to the suite.
        }
        for (String className : new TreeSet<>(reportedClasses)) {
            Path root = codeSourceOf(className, loader);
            if (root != null) {
                roots.add(root);
            }
        }
        return new ArrayList<>(roots);
    }

    /** The names of the classes in a jar or class directory, sorted; a problem if it cannot be read. */
    List<String> classNames(Path root) {
        List<String> names = new ArrayList<>();
        try {
            if (Files.isDirectory(root)) {
                try (Stream<Path> files = Files.walk(root)) {
                    files.filter(file -> file.getFileName().toString().endsWith(".class"))
                            .map(file -> root.relativize(file).toString().replace('\\', '/'))
                            .forEach(entry -> addClassName(entry, names));
                }
            } else if (Files.isRegularFile(root)) {
                try (JarFile jar = new JarFile(root.toFile())) {
                    Enumeration<JarEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        JarEntry entry = entries.nextElement();
                        if (!entry.isDirectory()) {
                            addClassName(entry.getName(), names);
                        }
                    }
                }
            } else {
                problems.add("Suite location " + locations.display(root) + " does not exist");
            }
        } catch (IOException e) {
            problems.add("Cannot read the suite at " + locations.display(root) + ": " + locations.describe(e));
        }
        Collections.sort(names);
        return names;
    }

    private static void addClassName(String entry, List<String> names) {
        if (!entry.endsWith(".class") || entry.startsWith("META-INF/") || entry.endsWith("module-info.class")
                || entry.endsWith("package-info.class")) {
            return;
        }
        names.add(entry.substring(0, entry.length() - ".class".length()).replace('/', '.'));
    }

    private static Path rootOf(URL url, String resource) {
        try {
            switch (url.getProtocol()) {
                case "jar" -> {
                    String file = url.getPath();
                    int separator = file.indexOf("!/");
                    return separator < 0 ? null : Paths.get(URI.create(file.substring(0, separator)));
                }
                case "file" -> {
                    Path path = Paths.get(url.toURI());
                    Path root = path;
                    for (int i = 0; i < resource.split("/").length; i++) {
                        root = root.getParent();
                    }
                    return root;
                }
                default -> {
                    return null;
                }
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static Path codeSourceOf(String className, ClassLoader loader) {
        try {
            Class<?> type = Class.forName(className, false, loader);
            CodeSource source = type.getProtectionDomain().getCodeSource();
            return source == null || source.getLocation() == null ? null : Paths.get(source.getLocation().toURI());
        } catch (ClassNotFoundException | LinkageError | URISyntaxException | IllegalArgumentException
                | SecurityException e) {
            // The catalog reports classes it cannot load; here they simply lead nowhere.
            return null;
        }
    }
}
