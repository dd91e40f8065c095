package dev.holdline.reply;

import dev.holdline.testing.PostgresExtension;
import dev.holdline.testing.PostgresServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;

/** The shared-store tests on a real PostgreSQL server: two nodes, one database, each operation run once. */
@ExtendWith(PostgresExtension.class)
class PostgresSharedStoreTest extends SharedStoreTest {

    private static PostgresServer postgres;

    @BeforeAll
    static void server(PostgresServer server) {
        postgres = server;
    }

    @Override
    DataSource newDatabase() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(postgres.jdbcUrl(postgres.createDatabase()));
        dataSource.setUser(postgres.user());
        return dataSource;
    }
}
