package dev.holdline.reply.store;

import dev.holdline.testing.PostgresExtension;
import dev.holdline.testing.PostgresServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The JDBC contract on a real PostgreSQL server: one private server for the test JVM
 * ({@link PostgresServer}, from the Debian package's binaries), a new database for each test.
 */
@ExtendWith(PostgresExtension.class)
class JdbcOperationStorePostgresTest extends JdbcOperationStoreTest {

    private static PostgresServer postgres;

    @BeforeAll
    static void server(PostgresServer server) {
        postgres = server;
    }

    @Test
    void theDatabaseIsARealPostgreSQLServer() throws Exception {
        try (Connection c = newDataSource().getConnection()) {
            assertEquals("PostgreSQL", c.getMetaData().getDatabaseProductName());
            System.out.println("JdbcOperationStorePostgresTest: " + postgres + ", server "
                    + c.getMetaData().getDatabaseProductVersion());
        }
    }

    @Override
    DataSource newDataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(postgres.jdbcUrl(postgres.createDatabase()));
        dataSource.setUser(postgres.user());
        return dataSource;
    }
}
