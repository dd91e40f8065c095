package dev.holdline.arquillian.undertow;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.File;
import java.net.URL;
import java.util.Arrays;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.holdline.arquillian.undertow.app.cdi.Greeter;

/**
 * CDI through the Weld bundled in the WAR (Weld's own Undertow {@code ServletExtension}), with RESTEasy bundled
 * as a runner does, checked from a client and from inside the container, where the test instance itself is
 * enriched.
 */
@ExtendWith(ArquillianExtension.class)
class CdiTest {

    @Deployment
    static WebArchive cdi() {
        return ShrinkWrap.create(WebArchive.class, "cdi.war")
                .addPackage(Greeter.class.getPackage())
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                .addAsLibraries(weldAndResteasy());
    }

    /** Weld and RESTEasy with their dependencies, minus the Servlet API the container provides. */
    static File[] weldAndResteasy() {
        File[] files = Maven.resolver()
                .resolve("org.jboss.weld.servlet:weld-servlet-core:" + System.getProperty("holdline.weld.version"),
                        "org.jboss.resteasy:resteasy-servlet-initializer:" + System.getProperty("holdline.resteasy.version"),
                        "org.jboss.resteasy:resteasy-cdi:" + System.getProperty("holdline.resteasy.version"))
                .withTransitivity().asFile();
        return Arrays.stream(files).filter(f -> !f.getName().startsWith("jakarta.servlet-api")).toArray(File[]::new);
    }

    @Inject
    Greeter greeter;

    @Test
    @RunAsClient
    void servletFieldIsInjectedByWeldFromTheWar(@ArquillianResource URL base) {
        given().get(base + "greet?name=client").then().statusCode(200).body(equalTo("Hello, client"));
    }

    @Test
    @RunAsClient
    void jaxRsResourceFoundThroughHandlesTypesIsInjectedToo(@ArquillianResource URL base) {
        given().get(base + "rest/greeting?name=rest").then().statusCode(200).body(equalTo("Hello, rest"));
    }

    @Test
    void inContainerTestIsEnrichedAndRunsInTheWarClassLoader() {
        assertNotNull(greeter, "@Inject into the in-container test instance");
        assertEquals("Hello, container", greeter.greet("container"));
        assertEquals("WebAppClassLoader", getClass().getClassLoader().getClass().getSimpleName());
        assertEquals(getClass().getClassLoader(), Thread.currentThread().getContextClassLoader());
    }
}
