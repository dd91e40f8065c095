package dev.holdline.arquillian.undertow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * One root of a web application's class path: {@code WEB-INF/classes}, a jar file in {@code WEB-INF/lib}, or a
 * directory named {@code *.jar} there (ShrinkWrap's exploded export writes library archives that way).
 * Hides the difference so scanning and descriptor reading treat all three alike.
 */
final class ClassRoot {

    /** Receives one class file of a root. */
    @FunctionalInterface
    interface ClassFileConsumer {
        void accept(String entryName, InputStream content) throws IOException;
    }

    private final Path path;
    private final boolean jarFile;

    private ClassRoot(Path path) {
        this.path = path;
        this.jarFile = Files.isRegularFile(path);
    }

    static ClassRoot of(Path path) {
        return new ClassRoot(path);
    }

    Path path() {
        return path;
    }

    String name() {
        return path.getFileName().toString();
    }

    boolean isJarFile() {
        return jarFile;
    }

    URL url() {
        try {
            // a trailing slash is what tells URLClassLoader to treat a "*.jar" directory as a directory
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one entry ({@code META-INF/web-fragment.xml}, ...) if present. */
    Optional<byte[]> read(String entryName) throws IOException {
        if (jarFile) {
            try (JarFile jar = new JarFile(path.toFile())) {
                JarEntry entry = jar.getJarEntry(entryName);
                if (entry == null) {
                    return Optional.empty();
                }
                try (InputStream in = jar.getInputStream(entry)) {
                    return Optional.of(in.readAllBytes());
                }
            }
        }
        Path file = path.resolve(entryName);
        return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
    }

    /** Feeds every {@code .class} file of this root, except multi-release variants and module descriptors. */
    void forEachClassFile(ClassFileConsumer consumer) throws IOException {
        if (jarFile) {
            try (JarFile jar = new JarFile(path.toFile())) {
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    JarEntry entry = entries.nextElement();
                    if (isIndexable(entry.getName())) {
                        try (InputStream in = jar.getInputStream(entry)) {
                            consumer.accept(entry.getName(), in);
                        }
                    }
                }
            }
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String name = path.relativize(file).toString().replace('\\', '/');
                if (isIndexable(name)) {
                    try (InputStream in = Files.newInputStream(file)) {
                        consumer.accept(name, in);
                    }
                }
            }
        }
    }

    private static boolean isIndexable(String entryName) {
        return entryName.endsWith(".class")
                && !entryName.startsWith("META-INF/")
                && !entryName.endsWith("module-info.class")
                && !entryName.endsWith("package-info.class");
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
