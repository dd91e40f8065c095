package dev.holdline.arquillian.undertow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.SessionTrackingMode;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import dev.holdline.arquillian.undertow.WebDescriptor.ErrorPageDef;
import dev.holdline.arquillian.undertow.WebDescriptor.FilterDef;
import dev.holdline.arquillian.undertow.WebDescriptor.FilterMappingDef;
import dev.holdline.arquillian.undertow.WebDescriptor.MultipartDef;
import dev.holdline.arquillian.undertow.WebDescriptor.ServletDef;
import dev.holdline.arquillian.undertow.WebDescriptor.SessionConfigDef;

/**
 * Reads {@code web.xml} and {@code web-fragment.xml} into a {@link WebDescriptor}.
 * <p>
 * Elements are matched by local name, so every schema generation (J2EE, Java EE and Jakarta namespaces, or
 * a DTD without namespace) reads alike; nothing is validated and no DTD or schema is ever fetched, because
 * deployments must work without network. Elements the adapter does not apply (security constraints, JSP,
 * JNDI references, fragment ordering) are ignored.
 */
final class WebDescriptorReader {

    WebDescriptor read(String source, byte[] xml) throws IOException {
        Element root;
        try {
            DocumentBuilder builder = newFactory().newDocumentBuilder();
            builder.setEntityResolver((publicId, systemId) -> new InputSource(new ByteArrayInputStream(new byte[0])));
            root = builder.parse(new ByteArrayInputStream(xml)).getDocumentElement();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("Cannot parse " + source + ": " + e.getMessage(), e);
        }
        WebDescriptor d = new WebDescriptor(source);
        d.metadataComplete(Boolean.parseBoolean(root.getAttribute("metadata-complete").trim()));
        for (Element e : children(root)) {
            switch (name(e)) {
                case "display-name" -> d.displayName(text(e));
                case "context-param" -> d.contextParams().putIfAbsent(childText(e, "param-name"), childText(e, "param-value"));
                case "listener" -> d.listeners().add(childText(e, "listener-class"));
                case "servlet" -> readServlet(d, e);
                case "servlet-mapping" -> d.addServletMapping(childText(e, "servlet-name"), childTexts(e, "url-pattern"));
                case "filter" -> readFilter(d, e);
                case "filter-mapping" -> d.filterMappings().add(readFilterMapping(e));
                case "welcome-file-list" -> d.welcomeFiles().addAll(childTexts(e, "welcome-file"));
                case "session-config" -> d.sessionConfig(readSessionConfig(e));
                case "mime-mapping" -> d.mimeMappings().putIfAbsent(childText(e, "extension"), childText(e, "mime-type"));
                case "error-page" -> d.errorPages().add(new ErrorPageDef(
                        integer(childText(e, "error-code")), childText(e, "exception-type"), childText(e, "location")));
                case "request-character-encoding" -> d.requestEncoding(text(e));
                case "response-character-encoding" -> d.responseEncoding(text(e));
                default -> {
                    // not applied by this adapter
                }
            }
        }
        return d;
    }

    private static void readServlet(WebDescriptor d, Element e) {
        String enabled = childText(e, "enabled");
        if (enabled != null && !Boolean.parseBoolean(enabled)) {
            return;
        }
        Element multipart = child(e, "multipart-config");
        MultipartDef multipartDef = multipart == null ? null : new MultipartDef(
                orDefault(childText(multipart, "location"), ""),
                longOr(childText(multipart, "max-file-size"), -1L),
                longOr(childText(multipart, "max-request-size"), -1L),
                (int) longOr(childText(multipart, "file-size-threshold"), 0L));
        String loadOnStartup = childText(e, "load-on-startup");
        Integer load = loadOnStartup == null ? null : loadOnStartup.isEmpty() ? 0 : Integer.valueOf(loadOnStartup);
        String name = childText(e, "servlet-name");
        d.servlets().put(name, new ServletDef(name, childText(e, "servlet-class"), initParams(e), load,
                bool(childText(e, "async-supported")), multipartDef));
    }

    private static void readFilter(WebDescriptor d, Element e) {
        String name = childText(e, "filter-name");
        d.filters().put(name, new FilterDef(name, childText(e, "filter-class"), initParams(e),
                bool(childText(e, "async-supported"))));
    }

    private static FilterMappingDef readFilterMapping(Element e) {
        Set<DispatcherType> dispatchers = EnumSet.noneOf(DispatcherType.class);
        for (String type : childTexts(e, "dispatcher")) {
            dispatchers.add(DispatcherType.valueOf(type.toUpperCase(Locale.ROOT)));
        }
        return new FilterMappingDef(childText(e, "filter-name"), childTexts(e, "url-pattern"),
                childTexts(e, "servlet-name"), dispatchers);
    }

    private static SessionConfigDef readSessionConfig(Element e) {
        Element cookie = child(e, "cookie-config");
        Set<SessionTrackingMode> modes = EnumSet.noneOf(SessionTrackingMode.class);
        for (String mode : childTexts(e, "tracking-mode")) {
            modes.add(SessionTrackingMode.valueOf(mode.toUpperCase(Locale.ROOT)));
        }
        return new SessionConfigDef(
                integer(childText(e, "session-timeout")),
                cookie == null ? null : childText(cookie, "name"),
                cookie == null ? null : childText(cookie, "path"),
                cookie == null ? null : childText(cookie, "domain"),
                cookie == null ? null : bool(childText(cookie, "http-only")),
                cookie == null ? null : bool(childText(cookie, "secure")),
                cookie == null ? null : integer(childText(cookie, "max-age")),
                modes.isEmpty() ? null : modes);
    }

    private static Map<String, String> initParams(Element e) {
        Map<String, String> params = new LinkedHashMap<>();
        for (Element p : children(e)) {
            if (name(p).equals("init-param")) {
                params.putIfAbsent(childText(p, "param-name"), orDefault(childText(p, "param-value"), ""));
            }
        }
        return params;
    }

    private static DocumentBuilderFactory newFactory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory;
    }

    private static List<Element> children(Element parent) {
        List<Element> result = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element element) {
                result.add(element);
            }
        }
        return result;
    }

    private static String name(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
    }

    private static Element child(Element parent, String name) {
        for (Element e : children(parent)) {
            if (name(e).equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static String childText(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : text(e);
    }

    private static List<String> childTexts(Element parent, String name) {
        List<String> result = new ArrayList<>();
        for (Element e : children(parent)) {
            if (name(e).equals(name)) {
                result.add(text(e));
            }
        }
        return result;
    }

    private static String text(Element e) {
        return e.getTextContent().trim();
    }

    private static Boolean bool(String s) {
        return s == null ? null : Boolean.valueOf(s);
    }

    private static Integer integer(String s) {
        return s == null || s.isEmpty() ? null : Integer.valueOf(s);
    }

    private static long longOr(String s, long fallback) {
        return s == null || s.isEmpty() ? fallback : Long.parseLong(s);
    }

    private static String orDefault(String s, String fallback) {
        return s == null ? fallback : s;
    }
}
