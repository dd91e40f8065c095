package dev.holdline.reply.store;

import dev.holdline.reply.IdempotencyKey;
import dev.holdline.reply.Lease;
import dev.holdline.reply.Operation;
import dev.holdline.reply.OperationStatus;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;

/** The mapping between an {@link Operation} and a row of the JDBC store's table, in column order. */
final class OperationRow {

    static final List<String> COLUMNS = List.of(
            "id", "kind", "status", "created_at", "last_action_at", "expires_at", "percent_complete", "message",
            "resource_location", "result_json", "error_json", "idem_scope", "idem_key", "idem_fingerprint",
            "lease_owner", "lease_expires_at", "version", "input_text");

    private OperationRow() {
    }

    static void bind(PreparedStatement ps, Operation op) throws SQLException {
        IdempotencyKey idem = op.idempotency();
        Lease lease = op.lease();
        ps.setString(1, op.id());
        ps.setString(2, op.kind());
        ps.setString(3, op.status().name());
        ps.setLong(4, op.createdDateTime().toEpochMilli());
        ps.setLong(5, op.lastActionDateTime().toEpochMilli());
        setInstant(ps, 6, op.expirationDateTime());
        setInteger(ps, 7, op.percentComplete());
        ps.setString(8, op.message());
        ps.setString(9, op.resourceLocation());
        ps.setString(10, op.result());
        ps.setString(11, op.error());
        ps.setString(12, idem == null ? null : idem.scope());
        ps.setString(13, idem == null ? null : idem.key());
        ps.setString(14, idem == null ? null : idem.fingerprint());
        ps.setString(15, lease == null ? null : lease.owner());
        setInstant(ps, 16, lease == null ? null : lease.expires());
        ps.setLong(17, op.version());
        ps.setString(18, op.input());
    }

    static Operation read(ResultSet rs) throws SQLException {
        String idemScope = rs.getString("idem_scope");
        IdempotencyKey idem = idemScope == null ? null
                : new IdempotencyKey(idemScope, rs.getString("idem_key"), rs.getString("idem_fingerprint"));
        String leaseOwner = rs.getString("lease_owner");
        Lease lease = leaseOwner == null ? null : new Lease(leaseOwner, getInstant(rs, "lease_expires_at"));
        int percent = rs.getInt("percent_complete");
        Integer percentComplete = rs.wasNull() ? null : percent;
        return new Operation(
                rs.getString("id"),
                rs.getString("kind"),
                rs.getString("input_text"),
                OperationStatus.valueOf(rs.getString("status")),
                getInstant(rs, "created_at"),
                getInstant(rs, "last_action_at"),
                getInstant(rs, "expires_at"),
                percentComplete,
                rs.getString("message"),
                rs.getString("resource_location"),
                rs.getString("result_json"),
                rs.getString("error_json"),
                idem,
                lease,
                rs.getLong("version"));
    }

    static void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value.toEpochMilli());
        }
    }

    static void setInteger(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    private static Instant getInstant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
