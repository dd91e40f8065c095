package dev.holdline.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a {@link PostgresServer} as a parameter (of a {@code @BeforeAll}, {@code @BeforeEach} or
 * test method, or a constructor): one server per test JVM, started when a test first asks for it and
 * stopped when the whole run ends, since starting a cluster costs seconds. Tests keep apart by taking
 * a database each ({@link PostgresServer#createDatabase()}).
 *
 * <pre>{@code
 * @ExtendWith(PostgresExtension.class)
 * class MyStoreTest {
 *     @BeforeEach void setUp(PostgresServer postgres) { url = postgres.jdbcUrl(postgres.createDatabase()); }
 * }
 * }</pre>
 */
public final class PostgresExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PostgresExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PostgresServer.class;
    }

    // The root context's store closes what it holds (an AutoCloseable) when the test run ends.
    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(PostgresServer.class, type -> PostgresServer.start(), PostgresServer.class);
    }
}
