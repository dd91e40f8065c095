package dev.holdline.reply.store;

import dev.holdline.reply.Lease;
import dev.holdline.reply.Operation;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The contract on H2 in memory; each test gets its own database, and the "other node" its own store over it. */
class JdbcOperationStoreTest extends OperationStoreContract {

    private JdbcDataSource dataSource;
    private OperationStore other;

    @Override
    OperationStore newStore() {
        dataSource = new JdbcDataSource();
        // DB_CLOSE_DELAY=-1: the database lives while the JVM does, not only while a connection is open.
        dataSource.setURL("jdbc:h2:mem:reply-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + urlOptions());
        other = new JdbcOperationStore(dataSource);
        return new JdbcOperationStore(dataSource);
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

    @Test
    void tableNamesMustBePlainIdentifiers() {
        assertThrows(IllegalArgumentException.class, () -> new JdbcOperationStore(dataSource, "ops; DROP TABLE x"));
        assertThrows(IllegalArgumentException.class, () -> new JdbcOperationStore(dataSource, "1ops"));
    }
}
