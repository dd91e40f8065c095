package dev.holdline.tck.reply.restart;

import dev.holdline.tck.api.Assertion;
import dev.holdline.tck.api.Capability;
import dev.holdline.tck.api.RequiresCapability;
import dev.holdline.tck.api.Timing;
import dev.holdline.tck.harness.Deployments;
import dev.holdline.tck.harness.HttpClients;
import dev.holdline.tck.harness.Libraries;
import dev.holdline.tck.reply.restart.app.HoldingTask;
import dev.holdline.tck.reply.restart.app.RestartListener;
import dev.holdline.tck.reply.restart.app.RestartServlet;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.tools.Server;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * RR-6: operations running when the application stops, with the JDBC store. The store is an H2
 * database served over TCP from the test JVM (on loopback), so that it outlives the application and
 * the test can read it while nothing is deployed. The application is stopped (undeployed) with
 * operations running and queued, then deployed again: every accepted operation must be finished or
 * run again, none lost and none left {@code Running}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@RequiresCapability(Capability.UNDEPLOY)
class RestartTest {

    private static final String APP = "rr-restart";
    private static final String ONE_SHOT = "one-shot";
    private static final Server DATABASE = startDatabase();
    private static final String JDBC_URL = "jdbc:h2:tcp://127.0.0.1:" + DATABASE.getPort() + "/mem:rr-restart;DB_CLOSE_DELAY=-1";

    private static Server startDatabase() {
        try {
            // Loopback only (no -tcpAllowOthers); -ifNotExists lets the application create the database.
            return Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start the H2 TCP server for the restart test", e);
        }
    }

    @AfterAll
    static void stopDatabase() {
        DATABASE.stop();
    }

    @Deployment(name = "anchor", testable = false)
    static WebArchive anchor() {
        return Deployments.war("rr-anchor");
    }

    @Deployment(name = APP, managed = false, testable = false)
    static WebArchive application() {
        String webXml = """
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  %s%s%s%s
                </web-app>
                """.formatted(param("holdline.reply.store", "jdbc"), param("holdline.reply.jdbc.url", JDBC_URL),
                param("holdline.reply.drain", "1s"), param("holdline.reply.lease", "2s"));
        return Deployments.war(APP)
                .addClasses(HoldingTask.class, RestartListener.class, RestartServlet.class)
                .addAsLibraries(Libraries.of("holdline-reply", "dev.holdline.reply.Operations"),
                        Libraries.of("holdline-http", "dev.holdline.http.Problem"),
                        Libraries.of("h2", "org.h2.Driver"))
                .setWebXML(new StringAsset(webXml));
    }

    private static String param(String name, String value) {
        return "<context-param><param-name>" + name + "</param-name><param-value>" + value + "</param-value></context-param>";
    }

    @ArquillianResource
    Deployer deployer;

    @ArquillianResource
    @OperateOnDeployment("anchor")
    URL anchorUrl;

    private final HttpClient client = HttpClients.http11();

    @Test
    @Assertion({"RR-6.3", "RR-6.4"})
    void everyAcceptedOperationIsFinishedOrRunAgainAfterARestart() throws Exception {
        URI app = anchorUrl.toURI().resolve("/" + APP + "/");
        deployer.deploy(APP);
        assertEquals(204, send(app.resolve("hold"), "POST").statusCode());
        Map<String, String> kinds = new HashMap<>();
        for (int i = 0; i < 3; i++) {
            for (String kind : List.of(RestartListener.RESUMABLE, ONE_SHOT)) {
                HttpResponse<String> accepted = send(app.resolve("submit?kind=" + kind + "&input=" + kind + i), "POST");
                assertEquals(202, accepted.statusCode(), accepted.body());
                kinds.put(accepted.body(), kind);
            }
        }
        await("an operation is running").atMost(Timing.scaled(Duration.ofSeconds(20)))
                .until(() -> Integer.parseInt(send(app.resolve("running"), "GET").body()) > 0);

        deployer.undeploy(APP);

        Map<String, StoredOperation> stopped = readStore();
        assertEquals(kinds.keySet(), stopped.keySet(), "RR-6.3: every accepted operation is still in the store");
        for (StoredOperation op : stopped.values()) {
            if (kinds.get(op.id()).equals(ONE_SHOT)) {
                assertEquals("Failed", op.status(), "RR-6.3: a one-shot operation stopped by the shutdown: " + op);
                assertTrue(op.error().contains("/problems/interrupted"), op.toString());
            } else {
                assertTrue(op.status().equals("Running") || op.status().equals("NotStarted"), op.toString());
                assertNull(op.leaseOwner(), "RR-6.3: a resumable operation is released for a later run: " + op);
            }
        }

        deployer.deploy(APP);
        try {
            await("resumable operations run again").atMost(Timing.scaled(Duration.ofSeconds(30)))
                    .until(() -> readStore().values().stream().allMatch(op -> op.status().equals("Succeeded")
                            || op.status().equals("Failed")));
            Map<String, StoredOperation> after = readStore();
            assertEquals(kinds.keySet(), after.keySet(), "RR-6.4: none lost");
            for (StoredOperation op : after.values()) {
                String expected = kinds.get(op.id()).equals(ONE_SHOT) ? "Failed" : "Succeeded";
                assertEquals(expected, op.status(), "RR-6.4: " + op);
            }
        } finally {
            deployer.undeploy(APP);
        }
    }

    /** One row of the JDBC store's table, as docs/reply.md describes it. */
    record StoredOperation(String id, String status, String leaseOwner, String error) {
    }

    private static Map<String, StoredOperation> readStore() throws SQLException {
        Map<String, StoredOperation> rows = new HashMap<>();
        // Not DriverManager: on an embedded container the application's own H2 driver registered there
        // first, and the container unregisters it on undeploy.
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(JDBC_URL);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, status, lease_owner, error_json FROM holdline_operation")) {
            while (rs.next()) {
                rows.put(rs.getString(1), new StoredOperation(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        return rows;
    }

    private HttpResponse<String> send(URI uri, String method) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(Timing.scaled(Duration.ofSeconds(10))).build(), HttpResponse.BodyHandlers.ofString());
    }
}
