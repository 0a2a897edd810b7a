package dev.softwarefactory.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenAPI document and the routes agree: every route is documented, every documented route answers. */
class OpenApiTest {
    private static final Pattern ROUTE_LITERAL = Pattern.compile("(?:path|pathPrefix|segment)\\(\"([^\"]+)\"\\)");
    private static final Path ROUTES = Path.of("src", "main", "java", "dev", "softwarefactory", "server");

    @TempDir
    Path dir;

    private static JsonNode document() throws IOException {
        try (InputStream in = OpenApiTest.class.getClassLoader().getResourceAsStream(DocsRoutes.OPENAPI)) {
            return TestNode.JSON.readTree(in);
        }
    }

    @Test
    void everyPathSegmentTheRoutesMatchIsInADocumentedPath() throws IOException {
        Set<String> documented = new HashSet<>();
        document().get("paths").fieldNames().forEachRemaining(p -> documented.addAll(List.of(p.split("/"))));
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.list(ROUTES)) {
            // The web page's addresses are pages, not API.
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("Routes.java")
                    && !f.getFileName().toString().equals("WebRoutes.java")).toList()) {
                Matcher literal = ROUTE_LITERAL.matcher(Files.readString(file));
                while (literal.find()) {
                    if (!documented.contains(literal.group(1)) && !literal.group(1).equals("assets")) {
                        missing.add(file.getFileName() + ": " + literal.group(1));
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), "routes missing from openapi.json: " + missing);
    }

    @Test
    void everyDocumentedOperationAnswersWithADocumentedStatus() throws IOException {
        try (TestNode node = TestNode.start(dir.resolve("data"), Optional.empty(), TestNode.slowCalculator(dir, 0))) {
            String runId = node.start("Write a calculator", null);
            node.awaitEnd(runId);
            List<String> wrong = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> paths = document().get("paths").fields();
            while (paths.hasNext()) {
                Map.Entry<String, JsonNode> path = paths.next();
                String concrete = path.getKey().replace("{id}", runId).replace("{n}", "1").replace("{path}", "calc.py")
                        .replace("{model}", "default");
                Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields();
                while (operations.hasNext()) {
                    Map.Entry<String, JsonNode> operation = operations.next();
                    HttpResponse<String> response = call(node, operation.getKey(), concrete);
                    if (!operation.getValue().get("responses").has(Integer.toString(response.statusCode()))) {
                        wrong.add(operation.getKey() + " " + path.getKey() + " -> " + response.statusCode() + " "
                                + response.body().lines().findFirst().orElse(""));
                    }
                }
            }
            assertTrue(wrong.isEmpty(), "undocumented answers: " + wrong);
        }
    }

    private static HttpResponse<String> call(TestNode node, String method, String path) {
        if (method.equals("get")) {
            return node.get(path);
        }
        String body = path.endsWith("/fork") ? "{\"at\": 1}" : path.equals("/api/runs")
                ? "{\"requirement\": \"Write a calculator\"}" : null;
        return node.send(node.request(path).header("Content-Type", "application/json")
                .method(method.toUpperCase(), body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build());
    }
}
