package dev.holdline.reply.store;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Objects;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.logging.Logger;

/**
 * A {@link DataSource} for a JDBC URL, one new connection per call, for applications without a pooled
 * data source in JNDI (a plain Tomcat or Undertow). The driver is found in the application's class
 * loader and called directly, because {@code DriverManager} refuses drivers that a web application
 * bundles when the caller's class loader differs (a pool thread, a shutdown hook).
 */
public final class UrlDataSource implements DataSource {

    private final String url;
    private final Properties credentials = new Properties();
    private final Driver driver;
    private volatile int loginTimeoutSeconds;

    /**
     * @param url      the JDBC URL
     * @param user     the user, or null or empty for none
     * @param password the password, or null or empty for none
     * @param loader   where to look for the driver (the application's class loader)
     * @throws IllegalArgumentException when no driver on {@code loader} accepts {@code url}
     */
    public UrlDataSource(String url, String user, String password, ClassLoader loader) {
        this.url = Objects.requireNonNull(url, "url");
        if (user != null && !user.isEmpty()) {
            credentials.setProperty("user", user);
        }
        if (password != null && !password.isEmpty()) {
            credentials.setProperty("password", password);
        }
        this.driver = driverFor(url, loader);
    }

    private static Driver driverFor(String url, ClassLoader loader) {
        for (Driver candidate : ServiceLoader.load(Driver.class, loader)) {
            try {
                if (candidate.acceptsURL(url)) {
                    return candidate;
                }
            } catch (SQLException e) {
                // A driver that cannot even judge the URL is not the one.
            }
        }
        throw new IllegalArgumentException("no JDBC driver in the application accepts " + redact(url));
    }

    /** URLs can carry passwords; logs and messages get the part before any parameters. */
    static String redact(String url) {
        int cut = url.indexOf('?');
        int semicolon = url.indexOf(';');
        if (semicolon >= 0 && (cut < 0 || semicolon < cut)) {
            cut = semicolon;
        }
        return cut < 0 ? url : url.substring(0, cut) + "...";
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = driver.connect(url, credentials);
        if (connection == null) {
            throw new SQLException("the driver refused " + redact(url));
        }
        return connection;
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        Properties given = new Properties();
        given.setProperty("user", user);
        given.setProperty("password", password);
        return driver.connect(url, given);
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // Drivers log through their own loggers.
    }

    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeoutSeconds = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeoutSeconds;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no java.util.logging parent");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper for " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
