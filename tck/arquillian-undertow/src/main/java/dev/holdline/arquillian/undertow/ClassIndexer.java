package dev.holdline.arquillian.undertow;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.jboss.jandex.Index;
import org.jboss.jandex.Indexer;

/**
 * Builds a Jandex {@link Index} of one {@link ClassRoot}.
 * <p>
 * Jar indexes are cached by the jar's content digest for the life of the container: a test suite deploys the
 * same Weld, RESTEasy and Arquillian jars into every WAR, and re-indexing thousands of classes per deployment
 * would dominate deployment time.
 */
final class ClassIndexer {

    private static final System.Logger LOG = System.getLogger(ClassIndexer.class.getName());

    private final Map<String, Index> jarIndexes = new ConcurrentHashMap<>();

    Index index(ClassRoot root) throws IOException {
        if (!root.isJarFile()) {
            return build(root);
        }
        String key = digest(root);
        Index cached = jarIndexes.get(key);
        if (cached != null) {
            return cached;
        }
        Index index = build(root);
        jarIndexes.put(key, index);
        return index;
    }

    private static Index build(ClassRoot root) throws IOException {
        Indexer indexer = new Indexer();
        root.forEachClassFile((name, content) -> {
            try {
                indexer.index(content);
            } catch (RuntimeException | IOException badClassFile) {
                // one unreadable class must not fail the deployment; a real container would skip it as well
                LOG.log(Level.DEBUG, "Skipping {0} in {1}: {2}", name, root, badClassFile);
            }
        });
        return indexer.complete();
    }

    /**
     * Digest of entry names and CRCs: unlike the file bytes it does not change when the same library is
     * re-zipped with fresh timestamps for the next deployment, and it needs no decompression.
     */
    private static String digest(ClassRoot root) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (JarFile jar = new JarFile(root.path().toFile())) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                sha.update(entry.getName().getBytes(StandardCharsets.UTF_8));
                sha.update(ByteBuffer.allocate(16).putLong(entry.getCrc()).putLong(entry.getSize()).array());
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
