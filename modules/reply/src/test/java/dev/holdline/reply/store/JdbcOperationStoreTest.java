package dev.holdline.reply.store;

import dev.holdline.reply.Lease;
import dev.holdline.reply.Operation;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The contract on H2 in memory (or, in subclasses, another database); each test gets its own database,
 * and the "other node" its own store over it.
 */
class JdbcOperationStoreTest extends OperationStoreContract {

    private DataSource dataSource;
    private OperationStore other;

    @Override
    OperationStore newStore() {
        dataSource = newDataSource();
        other = new JdbcOperationStore(dataSource);
        return new JdbcOperationStore(dataSource);
    }

    /** @return a new, empty database */
    DataSource newDataSource() {
        JdbcDataSource h2 = new JdbcDataSource();
        // DB_CLOSE_DELAY=-1: the database lives while the JVM does, not only while a connection is open.
        h2.setURL("jdbc:h2:mem:reply-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + urlOptions());
        return h2;
    }

    /** @return extra H2 URL settings, for subclasses that run the contract in a compatibility mode */
    String urlOptions() {
        return "";
    }

    @Override
    OperationStore secondNode() {
        return other;
    }

    @Override
    boolean expectedDurable() {
        return true;
    }

    @Test
    void aNamedTableIsItsOwnStore() {
        OperationStore named = new JdbcOperationStore(dataSource, "reply_ops_b");
        Operation op = op(null, new Lease("node-a", T0));
        named.create(op);
        assertEquals(Optional.of(op), named.find(op.id()));
        assertEquals(Optional.empty(), store.find(op.id()));
    }

    /**
     * Two nodes starting together on an empty database both create the table: neither may fail
     * (PostgreSQL reports a unique violation on its catalog to the loser of a CREATE ... IF NOT EXISTS
     * race). Each round is a new table, so each starts from nothing.
     */
    @Test
    void twoNodesCreatingTheTableAtOnceBothSucceed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                String table = "race_" + round;
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Operation>> created = new ArrayList<>();
                for (int node = 0; node < 2; node++) {
                    OperationStore fresh = new JdbcOperationStore(dataSource, table);
                    Operation op = op(null, null);
                    created.add(pool.submit(() -> {
                        go.await();
                        return fresh.create(op).operation();
                    }));
                }
                go.countDown();
                OperationStore reader = new JdbcOperationStore(dataSource, table);
                for (Future<Operation> f : created) {
                    Operation op = f.get(30, TimeUnit.SECONDS);
                    assertEquals(Optional.of(op), reader.find(op.id()), "round " + round);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void tableNamesMustBePlainIdentifiers() {
        assertThrows(IllegalArgumentException.class, () -> new JdbcOperationStore(dataSource, "ops; DROP TABLE x"));
        assertThrows(IllegalArgumentException.class, () -> new JdbcOperationStore(dataSource, "1ops"));
    }
}
