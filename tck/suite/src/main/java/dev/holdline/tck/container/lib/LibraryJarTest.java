package dev.holdline.tck.container.lib;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dev.holdline.tck.api.Assertion;
import dev.holdline.tck.container.lib.fixture.Greeter;
import dev.holdline.tck.container.lib.fixture.GreeterInitializer;
import dev.holdline.tck.container.lib.fixture.HandledTypesServlet;
import dev.holdline.tck.harness.Deployments;
import io.restassured.RestAssured;
import jakarta.servlet.ServletContainerInitializer;
import java.net.URL;
import java.util.Arrays;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** CT-3: what a Holdline jar dropped into WEB-INF/lib relies on to register itself and serve files. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LibraryJarTest {

    static final String STATIC_TEXT = "served from a library jar";

    @Deployment(testable = false)
    static WebArchive deployment() {
        JavaArchive library = ShrinkWrap.create(JavaArchive.class, "ct-library.jar")
                .addClasses(Greeter.class, GreeterInitializer.class, HandledTypesServlet.class)
                .addAsServiceProvider(ServletContainerInitializer.class, GreeterInitializer.class)
                .addAsManifestResource(new StringAsset(STATIC_TEXT), "resources/holdline-tck/library.txt");
        return Deployments.war("ct-lib")
                .addClasses(EnglishGreeter.class, FrenchGreeter.class)
                .addAsLibrary(library);
    }

    @ArquillianResource
    URL base;

    @Test
    @Assertion({"CT-3.1", "CT-3.2"})
    void initializerFromLibraryRegistersServletAndReceivesHandledTypes() {
        String[] handled = RestAssured.given().baseUri(base.toString()).get("handled-types")
                .then().statusCode(200).extract().asString().split("\n");
        org.hamcrest.MatcherAssert.assertThat(Arrays.asList(handled),
                hasItems(EnglishGreeter.class.getName(), FrenchGreeter.class.getName()));
    }

    @Test
    @Assertion("CT-3.3")
    void staticResourceFromLibraryIsServed() {
        RestAssured.given().baseUri(base.toString()).get("holdline-tck/library.txt")
                .then().statusCode(200).body(equalTo(STATIC_TEXT));
    }
}
