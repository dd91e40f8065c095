package dev.holdline.arquillian.undertow;

import java.io.IOException;
import java.util.List;

import io.undertow.server.handlers.resource.Resource;
import io.undertow.server.handlers.resource.ResourceChangeListener;
import io.undertow.server.handlers.resource.ResourceManager;

/**
 * Looks a static resource up in several resource managers in turn: the exploded WAR root first, then
 * {@code META-INF/resources} of the libraries, which is the precedence the Servlet specification gives.
 */
final class CompositeResourceManager implements ResourceManager {

    private final List<ResourceManager> delegates;

    CompositeResourceManager(List<ResourceManager> delegates) {
        this.delegates = List.copyOf(delegates);
    }

    @Override
    public Resource getResource(String path) throws IOException {
        for (ResourceManager delegate : delegates) {
            Resource resource = delegate.getResource(path);
            if (resource != null) {
                return resource;
            }
        }
        return null;
    }

    @Override
    public boolean isResourceChangeListenerSupported() {
        return false;
    }

    @Override
    public void registerResourceChangeListener(ResourceChangeListener listener) {
        throw new UnsupportedOperationException("resource change listeners are not supported");
    }

    @Override
    public void removeResourceChangeListener(ResourceChangeListener listener) {
        throw new UnsupportedOperationException("resource change listeners are not supported");
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (ResourceManager delegate : delegates) {
            try {
                delegate.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
