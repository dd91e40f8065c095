package dev.holdline.reply.store;

import dev.holdline.reply.IdempotencyKey;
import dev.holdline.reply.Lease;
import dev.holdline.reply.Operation;
import dev.holdline.reply.OperationStatus;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Operations in a database table, over any {@link DataSource}: durable, and shareable by several
 * nodes. The table is created on first use ({@link JdbcSchema}). Every statement runs in its own
 * auto-committed transaction, so no lock outlives a call:
 * <ul>
 *   <li>updates and claims are single {@code UPDATE ... WHERE id = ? AND version = ?} (or the lease
 *       predicate) statements: the database's row lock makes the check and the write one step;</li>
 *   <li>Idempotency-Keys rest on a unique constraint on (scope, key): of racing inserts one commits
 *       and the others get an integrity violation (SQLState class 23), after which they read the
 *       winner.</li>
 * </ul>
 * Instants are stored as epoch milliseconds ({@code BIGINT}) because timestamp types differ between
 * databases in precision and time-zone handling; the SQL is portable (tested on H2 and PostgreSQL).
 */
public final class JdbcOperationStore implements OperationStore {

    /** The table used when none is named. */
    public static final String DEFAULT_TABLE = "holdline_operation";

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,39}");

    private final DataSource dataSource;
    private final JdbcSchema schema;
    private final String table;
    private final String columns;

    /** @param dataSource where the table lives; the store creates {@value #DEFAULT_TABLE} on first use */
    public JdbcOperationStore(DataSource dataSource) {
        this(dataSource, DEFAULT_TABLE);
    }

    /**
     * @param dataSource where the table lives
     * @param table      the table's name: letters, digits and underscores, at most 40, so that it can
     *                   go into SQL unquoted (it is never taken from a request)
     */
    public JdbcOperationStore(DataSource dataSource, String table) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        if (!IDENTIFIER.matcher(Objects.requireNonNull(table, "table")).matches()) {
            throw new IllegalArgumentException("not a plain SQL identifier: " + table);
        }
        this.table = table;
        this.schema = new JdbcSchema(dataSource, table);
        this.columns = String.join(", ", OperationRow.COLUMNS);
    }

    /** @return true: operations outlive the JVM as long as the database does */
    @Override
    public boolean durable() {
        return true;
    }

    @Override
    public Creation create(Operation operation) {
        Objects.requireNonNull(operation, "operation");
        schema.ensure();
        Operation stored = operation.withVersion(0);
        String sql = "INSERT INTO " + table + " (" + columns + ") VALUES ("
                + "?, ".repeat(OperationRow.COLUMNS.size() - 1) + "?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            OperationRow.bind(ps, stored);
            ps.executeUpdate();
            return new Creation(stored, true);
        } catch (SQLException e) {
            if (!isIntegrityViolation(e) || stored.idempotency() == null) {
                throw new OperationStoreException("could not store operation " + stored.id(), e);
            }
            // Another create with the same key won the race (or came earlier): answer with its operation.
            return findByKey(stored.idempotency())
                    .map(existing -> new Creation(existing, false))
                    .orElseThrow(() -> new OperationStoreException("could not store operation " + stored.id(), e));
        }
    }

    @Override
    public Optional<Operation> find(String id) {
        schema.ensure();
        return queryOne("SELECT " + columns + " FROM " + table + " WHERE id = ?", ps -> ps.setString(1, id));
    }

    @Override
    public Optional<Operation> update(Operation changed) {
        schema.ensure();
        Operation next = changed.withVersion(changed.version() + 1);
        String sql = "UPDATE " + table + " SET status = ?, last_action_at = ?, expires_at = ?, percent_complete = ?,"
                + " message = ?, resource_location = ?, result_json = ?, error_json = ?, lease_owner = ?,"
                + " lease_expires_at = ?, version = ? WHERE id = ? AND version = ?";
        int rows = execute(sql, ps -> {
            ps.setString(1, next.status().name());
            ps.setLong(2, next.lastActionDateTime().toEpochMilli());
            OperationRow.setInstant(ps, 3, next.expirationDateTime());
            OperationRow.setInteger(ps, 4, next.percentComplete());
            ps.setString(5, next.message());
            ps.setString(6, next.resourceLocation());
            ps.setString(7, next.result());
            ps.setString(8, next.error());
            ps.setString(9, next.lease() == null ? null : next.lease().owner());
            OperationRow.setInstant(ps, 10, next.lease() == null ? null : next.lease().expires());
            ps.setLong(11, next.version());
            ps.setString(12, next.id());
            ps.setLong(13, changed.version());
        });
        // The row as written is exactly "next": no need to read it back.
        return rows == 1 ? Optional.of(next) : Optional.empty();
    }

    @Override
    public Optional<Operation> claim(String id, Lease lease, Instant now) {
        schema.ensure();
        String sql = "UPDATE " + table + " SET lease_owner = ?, lease_expires_at = ?, version = version + 1"
                + " WHERE id = ? AND status IN (" + nonTerminalList() + ")"
                + " AND (lease_owner IS NULL OR lease_expires_at <= ? OR lease_owner = ?)";
        int rows = execute(sql, ps -> {
            ps.setString(1, lease.owner());
            ps.setLong(2, lease.expires().toEpochMilli());
            ps.setString(3, id);
            ps.setLong(4, now.toEpochMilli());
            ps.setString(5, lease.owner());
        });
        if (rows != 1) {
            return Optional.empty();
        }
        // Read back for the caller; another owner cannot have taken it since, our lease is valid.
        return find(id).filter(op -> op.lease() != null && op.lease().owner().equals(lease.owner()));
    }

    @Override
    public List<Operation> expiredLeases(Instant now, int limit) {
        schema.ensure();
        String sql = "SELECT " + columns + " FROM " + table + " WHERE status IN (" + nonTerminalList() + ")"
                + " AND (lease_owner IS NULL OR lease_expires_at <= ?) ORDER BY created_at";
        return queryMany(sql, limit, ps -> ps.setLong(1, now.toEpochMilli()));
    }

    @Override
    public boolean delete(String id) {
        schema.ensure();
        return execute("DELETE FROM " + table + " WHERE id = ? AND status IN (" + terminalList() + ")",
                ps -> ps.setString(1, id)) == 1;
    }

    @Override
    public int purge(Instant now) {
        schema.ensure();
        return execute("DELETE FROM " + table + " WHERE status IN (" + terminalList() + ")"
                + " AND expires_at IS NOT NULL AND expires_at <= ?", ps -> ps.setLong(1, now.toEpochMilli()));
    }

    @Override
    public Optional<Operation> findByIdempotencyKey(IdempotencyKey key) {
        schema.ensure();
        return findByKey(key);
    }

    private Optional<Operation> findByKey(IdempotencyKey key) {
        return queryOne("SELECT " + columns + " FROM " + table + " WHERE idem_scope = ? AND idem_key = ?", ps -> {
            ps.setString(1, key.scope());
            ps.setString(2, key.key());
        });
    }

    // SQLState class 23 is "integrity constraint violation"; 23505 (unique) is what H2 and PostgreSQL
    // report, but drivers differ in the subclass, and the only constraints here are the keys.
    static boolean isIntegrityViolation(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            if (x.getSQLState() != null && x.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    private static String nonTerminalList() {
        return statusList(false);
    }

    private static String terminalList() {
        return statusList(true);
    }

    // Inlined constants from the enum, never from input.
    private static String statusList(boolean terminal) {
        StringBuilder out = new StringBuilder();
        for (OperationStatus s : OperationStatus.values()) {
            if (s.isTerminal() == terminal) {
                out.append(out.isEmpty() ? "" : ", ").append('\'').append(s.name()).append('\'');
            }
        }
        return out.toString();
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private int execute(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new OperationStoreException("operation store statement failed on " + table, e);
        }
    }

    private Optional<Operation> queryOne(String sql, Binder binder) {
        List<Operation> found = queryMany(sql, 1, binder);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private List<Operation> queryMany(String sql, int limit, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            // setMaxRows instead of LIMIT/FETCH FIRST: portable without dialects.
            ps.setMaxRows(limit);
            List<Operation> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && out.size() < limit) {
                    out.add(OperationRow.read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new OperationStoreException("operation store query failed on " + table, e);
        }
    }
}
