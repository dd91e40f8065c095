package dev.holdline.arquillian.undertow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ExplodedExporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import dev.holdline.arquillian.undertow.app.fragment.FragmentServlet;
import dev.holdline.arquillian.undertow.app.lib.LibServlet;

/**
 * Libraries exploded as directories named {@code *.jar} (what ShrinkWrap's ExplodedExporter writes) are read like
 * jar files: class loading, annotation scanning and web-fragment.xml. The adapter's own exploder writes real jars.
 */
class ExplodedLibraryTest {

    private static WebArchive war() {
        return ShrinkWrap.create(WebArchive.class, "exploded.war")
                .addAsLibraries(
                        ShrinkWrap.create(JavaArchive.class, "annotated-lib.jar").addPackage(LibServlet.class.getPackage()),
                        ShrinkWrap.create(JavaArchive.class, "fragment-lib.jar").addClass(FragmentServlet.class)
                                .addAsManifestResource("features/web-fragment.xml", "web-fragment.xml"));
    }

    @Test
    void directoryNamedJarIsAClassRootLikeAJarFile() throws Exception {
        Path parent = Files.createDirectories(Path.of("target", "exploded-library-test"));
        WebArchiveExploder.deleteRecursively(parent.resolve("exploded.war"));
        Path root = war().as(ExplodedExporter.class).exportExploded(parent.toFile()).toPath();

        WebAppLayout layout = WebAppLayout.of(root);
        List<ClassRoot> libraries = layout.libraries();
        assertEquals(List.of("annotated-lib.jar", "fragment-lib.jar"), libraries.stream().map(ClassRoot::name).toList());
        assertFalse(libraries.get(0).isJarFile(), "ShrinkWrap explodes libraries into directories");

        WebDescriptor annotations = new AnnotationScanner().scan("lib", new ClassIndexer().index(libraries.get(0)));
        assertTrue(annotations.servlets().containsKey(LibServlet.class.getName()));
        assertEquals(List.of("/lib"), annotations.servletMappings().get(LibServlet.class.getName()));

        byte[] fragment = libraries.get(1).read("META-INF/web-fragment.xml").orElseThrow();
        WebDescriptor fragmentDescriptor = new WebDescriptorReader().read("fragment", fragment);
        assertEquals("yes", fragmentDescriptor.contextParams().get("fromFragment"));

        try (WebAppClassLoader loader = new WebAppClassLoader("exploded", layout.classPath(), getClass().getClassLoader())) {
            Class<?> servlet = loader.loadClass(LibServlet.class.getName());
            assertEquals(loader, servlet.getClassLoader(), "WAR copy wins over the test class path");
            assertEquals(getClass().getClassLoader(), loader.loadClass("jakarta.servlet.Servlet").getClassLoader());
        }
    }

    @Test
    void webXmlMappingsReplaceAnnotationMappingsButSettingsMerge() throws Exception {
        WebDescriptor xml = new WebDescriptorReader().read("web.xml", """
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <servlet>
                    <servlet-name>s</servlet-name>
                    <init-param><param-name>a</param-name><param-value>xml</param-value></init-param>
                  </servlet>
                  <servlet-mapping><servlet-name>s</servlet-name><url-pattern>/from-xml</url-pattern></servlet-mapping>
                </web-app>
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        WebDescriptor annotated = new WebDescriptor("annotations");
        annotated.servlets().put("s", new WebDescriptor.ServletDef("s", "x.S",
                java.util.Map.of("a", "annotation", "b", "annotation"), null, true, null));
        annotated.addServletMapping("s", List.of("/from-annotation"));

        WebDescriptor merged = new DescriptorMerger().merge(List.of(xml, annotated));

        WebDescriptor.ServletDef s = merged.servlets().get("s");
        assertEquals("x.S", s.className());
        assertEquals("xml", s.initParams().get("a"));
        assertEquals("annotation", s.initParams().get("b"));
        assertEquals(Boolean.TRUE, s.asyncSupported());
        assertEquals(List.of("/from-xml"), merged.servletMappings().get("s"));
    }
}
