package dev.softwarefactory.server;

import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.PathMatchers;
import akka.http.javadsl.server.Route;

/**
 * /api/openapi.json, the API's OpenAPI 3 document (a resource file, checked against the routes by a
 * test), and /api/docs, Swagger UI from its WebJar (no CDN).
 */
public final class DocsRoutes extends AllDirectives {
    static final String OPENAPI = "api/openapi.json";
    private static final String SWAGGER_UI = "META-INF/resources/webjars/swagger-ui/5.34.1";

    public Route routes() {
        return get(() -> concat(
                path("openapi.json", () -> getFromResource(OPENAPI)),
                pathPrefix("docs", () -> concat(
                        pathEnd(() -> redirect(akka.http.javadsl.model.Uri.create("/api/docs/"),
                                akka.http.javadsl.model.StatusCodes.PERMANENT_REDIRECT)),
                        pathSingleSlash(() -> getFromResource("api/docs.html")),
                        pathPrefix("assets", () -> getFromResourceDirectory(SWAGGER_UI))))));
    }
}
