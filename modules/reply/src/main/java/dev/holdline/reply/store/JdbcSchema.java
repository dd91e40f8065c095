package dev.holdline.reply.store;

import dev.holdline.reply.IdempotencyKey;
import dev.holdline.reply.Lease;
import dev.holdline.reply.Operation;
import dev.holdline.reply.OperationIds;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Creates the JDBC store's table on first use. {@code IF NOT EXISTS} and plain types only
 * ({@code VARCHAR}, {@code BIGINT}, {@code INTEGER}), so that the same statements run on H2 and
 * PostgreSQL. Column widths come from the model's limits, so that what the model accepts fits.
 * JSON columns are {@code VARCHAR} without a length: unbounded on PostgreSQL, a million characters on H2.
 */
final class JdbcSchema {

    private final DataSource dataSource;
    private final String table;
    private volatile boolean ready;

    JdbcSchema(DataSource dataSource, String table) {
        this.dataSource = dataSource;
        this.table = table;
    }

    void ensure() {
        if (ready) {
            return;
        }
        synchronized (this) {
            if (ready) {
                return;
            }
            for (String statement : statements()) {
                createRacing(statement);
            }
            ready = true;
        }
    }

    /**
     * Runs one {@code IF NOT EXISTS} statement, once more if it fails: another node may have been
     * creating the same object at the same moment, and PostgreSQL then reports a duplicate on its
     * catalog (pg_type, pg_class) even with {@code IF NOT EXISTS}. The loser fails only once the
     * winner has committed, so the second run sees the object and does nothing. Each statement gets
     * its own retry because the nodes can race again on the next one.
     */
    private void createRacing(String statement) {
        try {
            execute(statement);
        } catch (SQLException first) {
            try {
                execute(statement);
            } catch (SQLException second) {
                second.addSuppressed(first);
                throw new OperationStoreException("could not create table " + table, second);
            }
        }
    }

    private void execute(String statement) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    private List<String> statements() {
        return List.of("CREATE TABLE IF NOT EXISTS " + table + " ("
                + "id VARCHAR(" + OperationIds.MAX_LENGTH + ") NOT NULL PRIMARY KEY, "
                + "kind VARCHAR(" + Operation.MAX_KIND_LENGTH + ") NOT NULL, "
                + "status VARCHAR(16) NOT NULL, "
                + "created_at BIGINT NOT NULL, "
                + "last_action_at BIGINT NOT NULL, "
                + "expires_at BIGINT, "
                + "percent_complete INTEGER, "
                + "message VARCHAR(" + Operation.MAX_MESSAGE_LENGTH + "), "
                + "resource_location VARCHAR(" + Operation.MAX_LOCATION_LENGTH + "), "
                + "result_json VARCHAR, "
                + "error_json VARCHAR, "
                + "idem_scope VARCHAR(" + IdempotencyKey.MAX_SCOPE_LENGTH + "), "
                + "idem_key VARCHAR(" + IdempotencyKey.MAX_KEY_LENGTH + "), "
                + "idem_fingerprint VARCHAR(" + IdempotencyKey.MAX_FINGERPRINT_LENGTH + "), "
                + "lease_owner VARCHAR(" + Lease.MAX_OWNER_LENGTH + "), "
                + "lease_expires_at BIGINT, "
                + "version BIGINT NOT NULL, "
                + "input_text VARCHAR, "
                // NULLs are distinct in a unique constraint on both databases: operations without a
                // key never collide. The widest scope and key (767 characters, 2.3 kB in UTF-8)
                // fit in a PostgreSQL b-tree entry (2.7 kB at most); the contract tests it.
                + "CONSTRAINT " + table + "_idem UNIQUE (idem_scope, idem_key))",
                "CREATE INDEX IF NOT EXISTS " + table + "_lease ON " + table + " (status, lease_expires_at)",
                "CREATE INDEX IF NOT EXISTS " + table + "_expiry ON " + table + " (expires_at)");
    }
}
