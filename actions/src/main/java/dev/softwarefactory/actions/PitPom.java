package dev.softwarefactory.actions;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The project's pom with PIT's Maven plugin added to its build, for the copies that resolve and run the
 * mutation check (never the delivered pom). A JUnit 5 project's plugin also gets PIT's JUnit 5 support,
 * which can only be a dependency of the plugin itself, hence a pom of its own rather than command-line options.
 */
public final class PitPom {
    public static final String GROUP = "org.pitest";
    public static final String PLUGIN = "pitest-maven";
    public static final String VERSION = "1.30.2";
    public static final String GOAL = GROUP + ":" + PLUGIN + ":mutationCoverage";
    /**
     * What resolves the plugin and all it loads when run, on a copy with one empty test and no code: the
     * project's test dependencies are in the repository already, from the install.
     */
    public static final List<String> RESOLVE_GOALS = List.of(GOAL, "-DfailWhenNoMutations=false");
    static final String JUNIT5_PLUGIN = "pitest-junit5-plugin";
    static final String JUNIT5_PLUGIN_VERSION = "1.2.3";

    private PitPom() {
    }

    /** The pom with the plugin added; empty when {@code pom} is not XML, or its tests use a framework PIT is not given. */
    public static Optional<String> withPit(String pom) {
        if (!pom.contains("junit")) {
            return Optional.empty();
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(pom)));
            Element project = document.getDocumentElement();
            Element plugins = child(child(project, "build"), "plugins");
            if (!pom.contains("<artifactId>" + PLUGIN + "</artifactId>")) {
                Element plugin = add(plugins, "plugin");
                add(plugin, "groupId").setTextContent(GROUP);
                add(plugin, "artifactId").setTextContent(PLUGIN);
                add(plugin, "version").setTextContent(VERSION);
                if (pom.contains("junit-jupiter")) {
                    Element dependency = add(add(plugin, "dependencies"), "dependency");
                    add(dependency, "groupId").setTextContent(GROUP);
                    add(dependency, "artifactId").setTextContent(JUNIT5_PLUGIN);
                    add(dependency, "version").setTextContent(JUNIT5_PLUGIN_VERSION);
                }
            }
            StringWriter out = new StringWriter();
            TransformerFactory.newInstance().newTransformer().transform(new DOMSource(document), new StreamResult(out));
            return Optional.of(out.toString());
        } catch (ParserConfigurationException | SAXException | IOException | TransformerException e) {
            return Optional.empty();
        }
    }

    /** The element's first child element named {@code name}, added when it has none. */
    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getLocalName())) {
                return element;
            }
        }
        return add(parent, name);
    }

    private static Element add(Element parent, String name) {
        // In the pom's own namespace: Maven rejects elements of another.
        Element element = parent.getOwnerDocument().createElementNS(parent.getNamespaceURI(), name);
        parent.appendChild(element);
        return element;
    }
}
