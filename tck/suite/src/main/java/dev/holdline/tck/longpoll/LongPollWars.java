package dev.holdline.tck.longpoll;

import dev.holdline.http.Problem;
import dev.holdline.tck.harness.Deployments;
import dev.holdline.tck.harness.Libraries;
import dev.holdline.tck.longpoll.app.DeclareServlet;
import dev.holdline.tck.longpoll.app.PublishServlet;
import dev.holdline.tck.longpoll.app.RuntimeServlet;
import dev.holdline.tck.longpoll.app.Text;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.shrinkwrap.api.asset.ClassLoaderAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The web archives of the long-poll tests: the module's jars in WEB-INF/lib plus the helper servlets. */
final class LongPollWars {

    /**
     * The module under test, found by name so that test classes load without it on the class path (see
     * {@link Libraries}: embedded containers would otherwise see it in every application).
     */
    static final String MODULE = "holdline-longpoll";

    private LongPollWars() {
    }

    /**
     * {@code <name>.war} with holdline-longpoll and holdline-http as libraries, the publishing, declaring
     * and runtime servlets, and a {@code web.xml} holding {@code contextParams} (none: no {@code web.xml}).
     */
    static WebArchive war(String name, Map<String, String> contextParams) {
        WebArchive war = Deployments.war(name)
                .addAsLibraries(Libraries.of(MODULE, "dev.holdline.longpoll.Topics"), Libraries.of(Problem.class))
                .addClasses(PublishServlet.class, DeclareServlet.class, RuntimeServlet.class, Text.class);
        if (!contextParams.isEmpty()) {
            war.setWebXML(new StringAsset(webXml(contextParams)));
        }
        return war;
    }

    /**
     * Adds classes by name, as class files, for classes that implement or extend a type of the module:
     * naming them with {@code addClasses(X.class)} would load them here, where the module is absent.
     */
    static WebArchive withModuleClasses(WebArchive war, String... classNames) {
        for (String className : classNames) {
            String file = className.replace('.', '/') + ".class";
            war.add(new ClassLoaderAsset(file), "WEB-INF/classes/" + file);
        }
        return war;
    }

    static String webXml(Map<String, String> contextParams) {
        String params = contextParams.entrySet().stream()
                .map(entry -> """
                          <context-param>
                            <param-name>%s</param-name>
                            <param-value>%s</param-value>
                          </context-param>
                        """.formatted(entry.getKey(), entry.getValue()))
                .collect(Collectors.joining());
        return """
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="https://jakarta.ee/xml/ns/jakartaee https://jakarta.ee/xml/ns/jakartaee/web-app_6_0.xsd"
                         version="6.0">
                %s</web-app>
                """.formatted(params);
    }
}
