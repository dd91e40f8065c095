package dev.holdline.reply.store;

/**
 * The JDBC contract again with H2 imitating PostgreSQL (lower-case identifiers, its SQL dialect): a
 * cheap early warning for the SQL, not a substitute for the run on a real PostgreSQL server.
 */
class JdbcOperationStorePostgresModeTest extends JdbcOperationStoreTest {

    @Override
    String urlOptions() {
        return ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }
}
