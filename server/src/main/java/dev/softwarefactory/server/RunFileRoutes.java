package dev.softwarefactory.server;

import akka.http.javadsl.model.ContentType;
import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpEntities;
import akka.http.javadsl.model.MediaTypes;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.model.headers.ContentDisposition;
import akka.http.javadsl.model.headers.ContentDispositionTypes;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.PathMatchers;
import akka.http.javadsl.server.Route;
import dev.softwarefactory.node.RunService;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A run's workspace as its journal holds it: the file tree, a file as of any step, the workspace as a
 * zip, and its model calls as a JSONL dataset.
 */
public final class RunFileRoutes extends AllDirectives {
    private static final ContentType.NonBinary JSONL = MediaTypes.applicationWithFixedCharset("jsonl",
            akka.http.javadsl.model.HttpCharsets.UTF_8).toContentType();
    private final RunService runs;
    private final ApiJson json;
    private final Blocking blocking;

    public RunFileRoutes(RunService runs, ApiJson json, Blocking blocking) {
        this.runs = runs;
        this.json = json;
        this.blocking = blocking;
    }

    public Route routes() {
        return pathPrefix(PathMatchers.segment("runs").slash(PathMatchers.segment()), id -> get(() -> concat(
                path("files", () -> parameterOptional("at", at -> onSuccess(blocking.call(() -> Map.of("files",
                        runs.files(id).tree(RunRoutes.number(at, "at", 0)))),
                        tree -> complete(StatusCodes.OK, tree, json.marshaller())))),
                pathPrefix("files", () -> path(PathMatchers.remaining(), encoded -> parameterOptional("at", at ->
                        onSuccess(blocking.call(() -> runs.files(id).file(decode(encoded),
                                RunRoutes.number(at, "at", 0))), file -> complete(StatusCodes.OK, file,
                                        json.marshaller()))))),
                path("workspace.zip", () -> onSuccess(blocking.call(() -> zip(id)), bytes ->
                        respondWithHeader(ContentDisposition.create(ContentDispositionTypes.ATTACHMENT,
                                Map.of("filename", id + ".zip")), () -> complete(HttpEntities.create(
                                        ContentTypes.APPLICATION_OCTET_STREAM, bytes))))),
                path("dataset.jsonl", () -> onSuccess(blocking.call(() -> runs.dataset(id)), lines ->
                        complete(HttpEntities.create(JSONL, jsonl(lines))))))));
    }

    private byte[] zip(String runId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        runs.zip(runId, out);
        return out.toByteArray();
    }

    private static String jsonl(List<String> lines) {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }

    /** The path as the client meant it: percent-escapes decoded, so an escaped ".." is still seen as one. */
    private static String decode(String encoded) {
        return URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
