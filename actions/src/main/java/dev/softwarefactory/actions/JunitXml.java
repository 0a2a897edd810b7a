package dev.softwarefactory.actions;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * JUnit XML reports (pytest's {@code --junitxml}, Maven Surefire's {@code TEST-*.xml}), one or several
 * documents one after the other: each failing or erroring test case with its message and frames.
 */
final class JunitXml {
    private JunitXml() {
    }

    /** The results in the reports, or {@link TestResults#NONE} when there is no readable report. */
    static TestResults parse(String reports, ProjectFrames frames) {
        int tests = 0;
        List<TestFailure> failures = new ArrayList<>();
        for (String document : reports.split("(?=<\\?xml )")) {
            if (document.isBlank()) {
                continue;
            }
            Document xml;
            try {
                xml = builder().parse(new InputSource(new StringReader(document.strip())));
            } catch (SAXException | IOException e) {
                continue;
            }
            NodeList cases = xml.getElementsByTagName("testcase");
            tests += cases.getLength();
            for (int i = 0; i < cases.getLength(); i++) {
                failure((Element) cases.item(i), frames).ifPresent(failures::add);
            }
        }
        return new TestResults(tests, failures);
    }

    private static java.util.Optional<TestFailure> failure(Element testCase, ProjectFrames frames) {
        for (String kind : List.of("failure", "error")) {
            NodeList found = testCase.getElementsByTagName(kind);
            if (found.getLength() > 0) {
                Element problem = (Element) found.item(0);
                String text = problem.getTextContent();
                String message = problem.getAttribute("message");
                if (message.isBlank()) {
                    message = text.lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse(kind);
                }
                String className = testCase.getAttribute("classname");
                String name = (className.isBlank() ? "" : className + ".") + testCase.getAttribute("name");
                return java.util.Optional.of(new TestFailure(name, message, frames.select(text)));
            }
        }
        return java.util.Optional.empty();
    }

    /** A quiet parser that reads no DTD and no external entity: the reports are written by generated code. */
    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler());
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
