package dev.holdline.arquillian.undertow;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.asset.ArchiveAsset;
import org.jboss.shrinkwrap.api.asset.Asset;
import org.jboss.shrinkwrap.api.exporter.ZipStoredExporter;

/**
 * Writes a ShrinkWrap archive to disk as an exploded WAR directory, the way a servlet container unpacks a WAR:
 * plain entries become files, and nested archives (the jars in {@code WEB-INF/lib}) become real jar files rather
 * than the directories ShrinkWrap's own exploded exporter produces.
 */
final class WebArchiveExploder {

    /** Replaces {@code target} with the exploded content of {@code archive} and returns its layout. */
    WebAppLayout explode(Archive<?> archive, Path target) throws IOException {
        deleteRecursively(target);
        Files.createDirectories(target);
        Path root = target.toRealPath();
        for (Map.Entry<ArchivePath, Node> entry : archive.getContent().entrySet()) {
            Path file = resolveInside(root, entry.getKey().get());
            Asset asset = entry.getValue().getAsset();
            if (asset == null) {
                Files.createDirectories(file);
            } else if (asset instanceof ArchiveAsset nested) {
                Files.createDirectories(file.getParent());
                // stored, not deflated: the jar is read once or twice and compressing it dominated deployment time
                nested.getArchive().as(ZipStoredExporter.class).exportTo(file.toFile(), true);
            } else {
                Files.createDirectories(file.getParent());
                try (InputStream in = asset.openStream()) {
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return WebAppLayout.of(root);
    }

    /** Deletes a directory tree if it exists; used for stale deployments and on undeploy. */
    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths = new ArrayList<>(walk.sorted(Comparator.reverseOrder()).toList());
        }
        for (Path p : paths) {
            Files.deleteIfExists(p);
        }
    }

    private static Path resolveInside(Path root, String archivePath) throws IOException {
        String relative = archivePath.startsWith("/") ? archivePath.substring(1) : archivePath;
        Path file = root.resolve(relative).normalize();
        // an entry like "/../x" must not escape the deployment directory
        if (!file.startsWith(root)) {
            throw new IOException("Archive entry escapes the deployment directory: " + archivePath);
        }
        return file;
    }
}
