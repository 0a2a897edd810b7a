package dev.softwarefactory.actions;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * PIT's {@code mutations.xml}, read into the mutation check's terms: a mutant PIT detected (killed, timed
 * out, crashed the test JVM) counts as killed; one that survived or that no test reached survives;
 * mutants that did not compile do not count. Each survivor is named by its file, line, method, the
 * change PIT made and the source line it made it in.
 */
public record PitReport(List<Mutant> mutants) {
    /** One mutant as PIT reports it: {@code status} is KILLED, SURVIVED, NO_COVERAGE, TIMED_OUT, ... */
    public record Mutant(String className, String method, int line, String mutator, String description,
            String status, boolean detected) {
        boolean counted() {
            return !status.equals("NON_VIABLE");
        }
    }

    public PitReport {
        mutants = List.copyOf(mutants);
    }

    /** The report in {@code xml}; empty when it is not a mutations.xml (cut off, or no report at all). */
    public static Optional<PitReport> parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element root = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)))
                    .getDocumentElement();
            if (!root.getTagName().equals("mutations")) {
                return Optional.empty();
            }
            List<Mutant> mutants = new ArrayList<>();
            NodeList elements = root.getElementsByTagName("mutation");
            for (int i = 0; i < elements.getLength(); i++) {
                Element mutation = (Element) elements.item(i);
                mutants.add(new Mutant(text(mutation, "mutatedClass"), text(mutation, "mutatedMethod"),
                        Integer.parseInt(text(mutation, "lineNumber").strip()), text(mutation, "mutator"),
                        text(mutation, "description"), mutation.getAttribute("status"),
                        Boolean.parseBoolean(mutation.getAttribute("detected"))));
            }
            return Optional.of(new PitReport(mutants));
        } catch (ParserConfigurationException | SAXException | IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    public MutationCheck.Score score() {
        List<Mutant> counted = mutants.stream().filter(Mutant::counted).toList();
        return new MutationCheck.Score((int) counted.stream().filter(Mutant::detected).count(), counted.size());
    }

    /**
     * The surviving mutants, one line each: {@code src/main/java/calc/Calc.java:8 in Calc.add(): Replaced
     * integer addition with subtraction in `return a + b;`}. {@code files} maps class names to their
     * design paths, {@code sources} design paths to their code, to quote the mutated line.
     */
    public List<String> survivors(Map<String, String> files, Map<String, String> sources) {
        return mutants.stream().filter(m -> m.counted() && !m.detected()).map(m -> {
            String outer = m.className().contains("$") ? m.className().substring(0, m.className().indexOf('$'))
                    : m.className();
            String file = files.getOrDefault(outer, m.className());
            String simple = m.className().substring(m.className().lastIndexOf('.') + 1);
            String line = sourceLine(sources.get(file), m.line());
            return file + ":" + m.line() + " in " + simple + "." + m.method() + "(): " + m.description()
                    + (line.isEmpty() ? "" : " in `" + line + "`")
                    + (m.status().equals("NO_COVERAGE") ? " (no test reaches this line)" : "");
        }).toList();
    }

    private static String sourceLine(String source, int line) {
        if (source == null || line < 1) {
            return "";
        }
        List<String> lines = source.lines().toList();
        return line <= lines.size() ? lines.get(line - 1).strip() : "";
    }

    private static String text(Element parent, String tag) {
        NodeList found = parent.getElementsByTagName(tag);
        return found.getLength() == 0 ? "" : found.item(0).getTextContent();
    }
}
