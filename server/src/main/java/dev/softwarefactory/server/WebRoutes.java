package dev.softwarefactory.server;

import akka.http.javadsl.model.ContentType;
import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.MediaTypes;
import akka.http.javadsl.model.headers.CacheControl;
import akka.http.javadsl.model.headers.CacheDirectives;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.PathMatchers;
import akka.http.javadsl.server.Route;
import akka.http.javadsl.server.directives.ContentTypeResolver;

/**
 * The web page: one HTML shell for every page address (/, /new, /gateway, /runs/{id}, so a run's
 * address can be bookmarked), its scripts and styles, and the front-end libraries from their
 * WebJars. None of it holds data, so it is served without the token; the page reads everything
 * from the API with the token the user gives it.
 */
public final class WebRoutes extends AllDirectives {
    static final String SHELL = "web/index.html";
    private static final String ASSETS = "web";
    private static final String WEBJARS = "META-INF/resources/webjars";
    // Browsers run a module script only with a JavaScript type; Akka HTTP knows .js but not .mjs.
    private static final ContentTypeResolver TYPES = fileName -> fileName.endsWith(".mjs") || fileName.endsWith(".js")
            ? MediaTypes.APPLICATION_JAVASCRIPT.toContentType(akka.http.javadsl.model.HttpCharsets.UTF_8)
            : akka.http.scaladsl.server.directives.ContentTypeResolver$.MODULE$.Default().apply(fileName);

    public Route routes() {
        return get(() -> concat(
                pathSingleSlash(this::shell),
                path("new", this::shell),
                path("gateway", this::shell),
                path(PathMatchers.segment("runs").slash(PathMatchers.segment()), id -> shell()),
                pathPrefix("assets", () -> respondWithHeader(CacheControl.create(CacheDirectives.NO_CACHE),
                        () -> getFromResourceDirectory(ASSETS, TYPES))),
                // WebJar paths carry their version, so a browser may keep them.
                pathPrefix("webjars", () -> respondWithHeader(CacheControl.create(CacheDirectives.MAX_AGE(86400)),
                        () -> getFromResourceDirectory(WEBJARS, TYPES)))));
    }

    private Route shell() {
        ContentType html = ContentTypes.TEXT_HTML_UTF8;
        return respondWithHeader(CacheControl.create(CacheDirectives.NO_CACHE), () -> getFromResource(SHELL, html));
    }
}
