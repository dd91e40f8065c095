package dev.holdline.arquillian.undertow;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.holdline.arquillian.undertow.app.classes.ClassesServlet;
import dev.holdline.arquillian.undertow.app.complete.DeclaredServlet;
import dev.holdline.arquillian.undertow.app.complete.IgnoredServlet;
import dev.holdline.arquillian.undertow.app.fragment.FragmentServlet;
import dev.holdline.arquillian.undertow.app.lib.LibServlet;
import dev.holdline.arquillian.undertow.app.lib.MarkerInitializer;
import jakarta.servlet.ServletContainerInitializer;

/**
 * What a WAR can declare, seen from a client: annotations in WEB-INF/classes and in library jars, an initializer
 * with {@code @HandlesTypes} from a library, web.xml, web-fragment.xml, metadata-complete, static resources and
 * async requests. Two deployments run at the same time.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebAppFeaturesTest {

    @Deployment(name = "features")
    static WebArchive features() {
        JavaArchive annotatedLib = ShrinkWrap.create(JavaArchive.class, "annotated-lib.jar")
                .addPackage(LibServlet.class.getPackage())
                .addAsServiceProvider(ServletContainerInitializer.class, MarkerInitializer.class)
                .addAsResource(new StringAsset("from a jar"), "META-INF/resources/from-jar.txt")
                .addAsResource(new StringAsset("shadowed by the WAR"), "META-INF/resources/both.txt");
        JavaArchive fragmentLib = ShrinkWrap.create(JavaArchive.class, "fragment-lib.jar")
                .addClass(FragmentServlet.class)
                .addAsManifestResource("features/web-fragment.xml", "web-fragment.xml");
        return ShrinkWrap.create(WebArchive.class, "features.war")
                .addPackage(ClassesServlet.class.getPackage())
                .addAsLibraries(annotatedLib, fragmentLib)
                .setWebXML("features/web.xml")
                .addAsWebResource(new StringAsset("welcome"), "welcome.html")
                .addAsWebResource(new StringAsset("static text"), "static/hello.txt")
                .addAsWebResource(new StringAsset("from the WAR"), "both.txt");
    }

    @Deployment(name = "complete")
    static WebArchive metadataComplete() {
        return ShrinkWrap.create(WebArchive.class, "complete.war")
                .addClasses(DeclaredServlet.class, IgnoredServlet.class)
                .setWebXML("complete/web.xml");
    }

    @ArquillianResource
    @OperateOnDeployment("features")
    URL features;

    @ArquillianResource
    @OperateOnDeployment("complete")
    URL complete;

    @Test
    void reportsTheContextPathOfEachDeploymentOnLoopback() {
        assertEquals("127.0.0.1", features.getHost());
        assertEquals("/features/", features.getPath());
        assertEquals("/complete/", complete.getPath());
        assertEquals(features.getPort(), complete.getPort());
    }

    @Test
    void annotatedServletInClassesRunsInTheWarClassLoader() {
        given().get(features + "classes").then().statusCode(200)
                .body(equalTo("classes servlet, loader WebAppClassLoader"));
    }

    @Test
    void annotatedServletFilterAndListenerInLibraryJarAreRegistered() {
        given().get(features + "lib").then().statusCode(200)
                .header("X-Lib-Filter", "yes")
                .body(equalTo("lib servlet, listener initialized"));
    }

    @Test
    void initializerFromLibraryGetsImplementationsAndAnnotatedClassesOfTheWholeWar() {
        given().get(features + "initializer").then().statusCode(200)
                .body(equalTo("MarkedInClasses,MarkedInLib,TaggedInClasses"));
    }

    @Test
    void webXmlServletGetsInitAndContextParamsLoadOnStartupAndSessionTimeout() {
        given().get(features + "params").then().statusCode(200)
                .header("X-Request-Filter", "url-pattern")
                .header("X-Forward-Filter", nullValue())
                .body(equalTo("init=xml context=test loadedOnStartup=true sessionSeconds=420"));
    }

    @Test
    void servletNameFilterMappingAppliesOnlyToItsDispatcherType() {
        given().get(features + "forward").then().statusCode(200)
                .header("X-Forward-Filter", "servlet-name")
                .header("X-Request-Filter", nullValue())
                .body(containsString("init=xml"));
    }

    @Test
    void webFragmentDeclaresServletAndContextParam() {
        given().get(features + "fragment").then().statusCode(200).body(equalTo("fragment hello yes"));
    }

    @Test
    void staticResourcesComeFromTheWarRootThenFromJarsMetaInfResources() {
        given().get(features + "static/hello.txt").then().statusCode(200).body(equalTo("static text"));
        given().get(features + "from-jar.txt").then().statusCode(200).body(equalTo("from a jar"));
        given().get(features + "both.txt").then().statusCode(200).body(equalTo("from the WAR"));
        given().get(features).then().statusCode(200).body(equalTo("welcome"));
        given().get(features + "WEB-INF/web.xml").then().statusCode(404);
        given().get(features + "missing.txt").then().statusCode(404);
    }

    @Test
    void metadataCompleteWebXmlIgnoresAnnotations() {
        given().get(complete + "declared").then().statusCode(200).body(equalTo("declared"));
        given().get(complete + "annotated").then().statusCode(404);
    }

    @Test
    void parkedAsyncRequestsAreCompletedFromAnotherRequestsThread() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        URI park = URI.create(features + "park");
        List<CompletableFuture<HttpResponse<String>>> parked = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            parked.add(client.sendAsync(HttpRequest.newBuilder(park).build(), HttpResponse.BodyHandlers.ofString()));
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get(park + "?count").then().body(equalTo("3")));

        given().post(park).then().statusCode(200).body(equalTo("3"));

        for (CompletableFuture<HttpResponse<String>> response : parked) {
            HttpResponse<String> r = response.get(10, TimeUnit.SECONDS);
            assertEquals(200, r.statusCode());
            assertEquals("released", r.body());
            assertEquals("url-pattern", r.headers().firstValue("X-Request-Filter").orElse(null));
        }
    }
}
