package dev.holdline.tck.container.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.holdline.tck.api.Assertion;
import dev.holdline.tck.api.Capability;
import dev.holdline.tck.api.RequiresCapability;
import dev.holdline.tck.harness.Deployments;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * CT-2: CDI as Holdline's interceptor bindings need it. One test runs inside the container (the test
 * instance is enriched with {@code @Inject}); the others are HTTP clients.
 */
@ExtendWith(ArquillianExtension.class)
@RequiresCapability({Capability.CDI, Capability.JAXRS})
class CdiIntegrationTest {

    @Deployment
    static WebArchive deployment() {
        return Deployments.war("ct-cdi")
                .addClasses(Bracketed.class, BracketingInterceptor.class, GreetingService.class,
                        InjectedServlet.class, InjectedFilter.class, GreetingResource.class, RestApplication.class);
    }

    @Inject
    GreetingService greetings;

    @ArquillianResource
    URL base;

    @Test
    @Assertion("CT-2.1")
    void interceptorRunsAroundBeanMethodInContainer() {
        assertEquals("[hello bean]", greetings.greet("bean"));
    }

    @Test
    @RunAsClient
    @Assertion({"CT-2.1", "CT-2.3", "CT-2.4"})
    void servletAndFilterGetInjectedInterceptedBeans() {
        RestAssured.given().baseUri(base.toString()).get("servlet").then()
                .statusCode(200)
                .header("X-Greeting", "[hello filter]")
                .body(org.hamcrest.Matchers.equalTo("[hello servlet]"));
    }

    @Test
    @RunAsClient
    @Assertion({"CT-2.2", "CT-2.5"})
    void resourceGetsInjectedBeanAndItsMethodIsIntercepted() {
        // The inner brackets come from the bean's interceptor, the outer ones from the resource method's.
        RestAssured.given().baseUri(base.toString()).get("api/greeting").then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.equalTo("[[hello rest]]"));
    }
}
