package dev.holdline.arquillian.undertow;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where things are in an exploded WAR: the document root, {@code WEB-INF/classes} and the libraries of
 * {@code WEB-INF/lib} (jar files or directories named {@code *.jar}, in name order so behaviour is repeatable).
 */
record WebAppLayout(Path root, Optional<ClassRoot> classes, List<ClassRoot> libraries) {

    static WebAppLayout of(Path root) throws IOException {
        Path classesDir = root.resolve("WEB-INF/classes");
        Optional<ClassRoot> classes = Files.isDirectory(classesDir)
                ? Optional.of(ClassRoot.of(classesDir)) : Optional.empty();
        List<ClassRoot> libraries = new ArrayList<>();
        Path lib = root.resolve("WEB-INF/lib");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> entries = Files.list(lib)) {
                entries.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar"))
                        .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                        .forEach(p -> libraries.add(ClassRoot.of(p)));
            }
        }
        return new WebAppLayout(root, classes, List.copyOf(libraries));
    }

    Path webXml() {
        return root.resolve("WEB-INF/web.xml");
    }

    /** Class roots in class-path order: {@code WEB-INF/classes} first, as the Servlet specification requires. */
    List<ClassRoot> classRoots() {
        List<ClassRoot> roots = new ArrayList<>();
        classes.ifPresent(roots::add);
        roots.addAll(libraries);
        return roots;
    }

    URL[] classPath() {
        return classRoots().stream().map(ClassRoot::url).toArray(URL[]::new);
    }

    URL[] libraryUrls() {
        return libraries.stream().map(ClassRoot::url).toArray(URL[]::new);
    }
}
