package dev.softwarefactory.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softwarefactory.node.UserError;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node with a token lets through only requests that bear it, on every route but /healthz. */
class TokenTest {
    @TempDir
    Path dir;

    @Test
    void everyRouteButHealthzNeedsTheBearerToken() {
        try (TestNode node = TestNode.start(dir.resolve("data"), Optional.of("s3cret"), TestNode.slowCalculator(dir, 0))) {
            for (String path : new String[] {"/api/runs", "/api/runs/x", "/api/openapi.json", "/metrics", "/readyz"}) {
                HttpResponse<String> none = node.send(HttpRequest.newBuilder(URI.create(node.url + path)).GET().build());
                assertEquals(401, none.statusCode(), path);
                assertEquals("unauthorized", TestNode.json(none).get("error").get("code").asText());
                HttpResponse<String> wrong = node.send(HttpRequest.newBuilder(URI.create(node.url + path))
                        .header("Authorization", "Bearer s3cres").GET().build());
                assertEquals(401, wrong.statusCode(), path);
                assertTrue(wrong.body().contains("wrong"), wrong.body());
            }
            assertEquals(200, node.send(HttpRequest.newBuilder(URI.create(node.url + "/healthz")).GET().build())
                    .statusCode());
            assertEquals(200, node.get("/api/runs").statusCode());
        }
    }

    @Test
    void anAddressBeyondLoopbackWithoutATokenIsRefused() {
        UserError refused = assertThrows(UserError.class, () -> ApiServer.checkExposure("0.0.0.0", Optional.empty()));

        assertTrue(refused.getMessage().contains("SF_API_TOKEN"), refused.getMessage());
        ApiServer.checkExposure("0.0.0.0", Optional.of("t"));
        ApiServer.checkExposure("127.0.0.1", Optional.empty());
        ApiServer.checkExposure("localhost", Optional.empty());
    }
}
