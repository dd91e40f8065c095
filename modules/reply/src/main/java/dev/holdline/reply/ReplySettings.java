package dev.holdline.reply;

import dev.holdline.http.HoldlineConfig;
import dev.holdline.http.ProblemTypes;

import java.time.Duration;
import java.util.Locale;

/**
 * Every {@code holdline.reply.*} setting, read once at deployment. Defaults and meanings are documented
 * once, in docs/reply.md; a bad value throws an {@link IllegalArgumentException} naming the key, which
 * fails the deployment.
 *
 * @param enabled           whether the status monitor servlet is registered
 * @param mapping           the status monitor's servlet mapping, a prefix ending in {@code /*}
 * @param store             {@code memory} or {@code jdbc}
 * @param dataSource        JNDI name of the JDBC store's {@code DataSource}, or empty
 * @param jdbcUrl           JDBC URL for the JDBC store when no JNDI name is given, or empty
 * @param jdbcUser          user for {@code jdbcUrl}, or empty
 * @param jdbcPassword      password for {@code jdbcUrl}, or empty
 * @param table             the JDBC store's table
 * @param threads           workers of the bounded pool (when no managed executor is used)
 * @param queue             operations accepted beyond those running before submissions get 503
 * @param useManagedExecutor whether {@code java:comp/DefaultManagedExecutorService} is used when present
 * @param retryAfter        the {@code Retry-After} of a 202 and of a running operation's status
 * @param waitMax           the longest {@code Prefer: wait} honoured; longer ones are shortened to it
 * @param waitRecheck       how often a parked status request re-reads the store (changes made by other nodes)
 * @param deadline          the default deadline of an operation, or zero for none
 * @param retention         how long a finished operation stays readable (then 410, then purged)
 * @param lease             how long a node's claim on a running operation lasts without renewal
 * @param drain             how long running work may finish after undeploy begins before it is interrupted
 * @param idempotencyKeyRequired whether a submission without {@code Idempotency-Key} is refused (400)
 * @param node              this node's name in leases
 * @param problemTypes      the base of problem type URIs
 */
record ReplySettings(boolean enabled, String mapping, String store, String dataSource, String jdbcUrl,
                     String jdbcUser, String jdbcPassword, String table, int threads, int queue,
                     boolean useManagedExecutor, Duration retryAfter, Duration waitMax, Duration waitRecheck,
                     Duration deadline, Duration retention, Duration lease, Duration drain,
                     boolean idempotencyKeyRequired, String node, ProblemTypes problemTypes) {

    static final String PREFIX = "holdline.reply.";
    static final String ENABLED = PREFIX + "enabled";
    static final String MAPPING = PREFIX + "mapping";
    static final String STORE = PREFIX + "store";
    static final String DATASOURCE = PREFIX + "jdbc.datasource";
    static final String JDBC_URL = PREFIX + "jdbc.url";
    static final String JDBC_USER = PREFIX + "jdbc.user";
    static final String JDBC_PASSWORD = PREFIX + "jdbc.password";
    static final String TABLE = PREFIX + "jdbc.table";
    static final String THREADS = PREFIX + "threads";
    static final String QUEUE = PREFIX + "queue";
    static final String MANAGED_EXECUTOR = PREFIX + "managed-executor";
    static final String RETRY_AFTER = PREFIX + "retry-after";
    static final String WAIT_MAX = PREFIX + "wait.max";
    static final String WAIT_RECHECK = PREFIX + "wait.recheck";
    static final String DEADLINE = PREFIX + "deadline";
    static final String RETENTION = PREFIX + "retention";
    static final String LEASE = PREFIX + "lease";
    static final String DRAIN = PREFIX + "drain";
    static final String IDEMPOTENCY_KEY_REQUIRED = PREFIX + "idempotency-key.required";
    static final String NODE = PREFIX + "node";

    static ReplySettings from(HoldlineConfig config, String defaultNode) {
        boolean enabled = config.getBoolean(ENABLED, true);
        String mapping = config.get(MAPPING, "/operations/*", "a path mapping such as /operations/*", ReplySettings::mapping);
        String store = config.get(STORE, "memory", "memory or jdbc", value -> {
            if (!value.equals("memory") && !value.equals("jdbc")) {
                throw new IllegalArgumentException("must be memory or jdbc");
            }
            return value;
        });
        String dataSource = config.getString(DATASOURCE, "");
        String jdbcUrl = config.getString(JDBC_URL, "");
        if (store.equals("jdbc") && dataSource.isEmpty() && jdbcUrl.isEmpty()) {
            throw new IllegalArgumentException("Invalid configuration " + STORE + "=jdbc: set " + DATASOURCE
                    + " (a JNDI name) or " + JDBC_URL);
        }
        String table = config.get(TABLE, "holdline_operation", "an SQL identifier of letters, digits and _",
                value -> {
                    if (!value.matches("[A-Za-z][A-Za-z0-9_]{0,62}")) {
                        throw new IllegalArgumentException("not an SQL identifier");
                    }
                    return value;
                });
        int threads = config.getInt(THREADS, Math.max(2, Runtime.getRuntime().availableProcessors()), 1, 10_000);
        int queue = config.getInt(QUEUE, 1000, 0, 1_000_000);
        Duration deadline = config.getDuration(DEADLINE, Duration.ZERO);
        Duration lease = config.getDuration(LEASE, Duration.ofSeconds(30));
        if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("Invalid configuration " + LEASE + ": must be at least 1s");
        }
        Duration drain = config.getDuration(DRAIN, Duration.ofSeconds(10));
        if (drain.compareTo(lease) >= 0) {
            throw new IllegalArgumentException("Invalid configuration: " + DRAIN + " (" + drain + ") must be shorter than "
                    + LEASE + " (" + lease + "), or another node could take over work that is still draining");
        }
        Duration retryAfter = config.getDuration(RETRY_AFTER, Duration.ofSeconds(1));
        if (retryAfter.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("Invalid configuration " + RETRY_AFTER + ": Retry-After counts whole seconds, at least 1s");
        }
        return new ReplySettings(enabled, mapping, store, dataSource, jdbcUrl,
                config.getString(JDBC_USER, ""), config.getString(JDBC_PASSWORD, ""), table, threads, queue,
                config.getBoolean(MANAGED_EXECUTOR, true), retryAfter,
                config.getDuration(WAIT_MAX, Duration.ofSeconds(60)),
                config.getDuration(WAIT_RECHECK, Duration.ofSeconds(1)),
                deadline, config.getDuration(RETENTION, Duration.ofHours(24)), lease,
                drain,
                config.getBoolean(IDEMPOTENCY_KEY_REQUIRED, false),
                config.getString(NODE, defaultNode), ProblemTypes.fromConfig(config));
    }

    /** @return the mapping without its trailing {@code /*}, such as {@code /operations} */
    String mappingBase() {
        return mapping.substring(0, mapping.length() - 2);
    }

    /** @return the default deadline, or null for none */
    Duration deadlineOrNull() {
        return deadline.isZero() ? null : deadline;
    }

    /** For log lines: every setting but the password. */
    String describe() {
        return String.format(Locale.ROOT, "mapping %s, store %s, threads %d, queue %d, retry-after %s, wait.max %s, "
                        + "deadline %s, retention %s, lease %s, drain %s, node %s",
                enabled ? mapping : "(servlet disabled)", store.equals("jdbc") ? "jdbc table " + table : store,
                threads, queue, retryAfter, waitMax, deadline.isZero() ? "none" : deadline, retention, lease, drain, node);
    }

    private static String mapping(String value) {
        if (!value.matches("(/[A-Za-z0-9._~-]+)+/\\*")) {
            throw new IllegalArgumentException("not a path prefix mapping ending in /*");
        }
        return value;
    }
}
