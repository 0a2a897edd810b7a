package dev.softwarefactory.server;

import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.model.headers.HttpChallenge;
import akka.http.javadsl.model.headers.WWWAuthenticate;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.Route;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.function.Supplier;

/** Lets a request through only with {@code Authorization: Bearer TOKEN}, when the node has a token. */
public final class TokenCheck extends AllDirectives {
    private final Optional<byte[]> expected;
    private final ApiErrors errors;

    public TokenCheck(Optional<String> token, ApiErrors errors) {
        this.expected = token.map(t -> ("Bearer " + t).getBytes(StandardCharsets.UTF_8));
        this.errors = errors;
    }

    public Route require(Supplier<Route> inner) {
        if (expected.isEmpty()) {
            return inner.get();
        }
        return optionalHeaderValueByName("Authorization", given -> {
            // Compared in constant time, so that response times tell nothing about the token.
            if (given.isPresent() && MessageDigest.isEqual(expected.get(), given.get().getBytes(StandardCharsets.UTF_8))) {
                return inner.get();
            }
            return respondWithHeader(WWWAuthenticate.create(HttpChallenge.create("Bearer", "software-factory")),
                    () -> complete(errors.response(StatusCodes.UNAUTHORIZED, "unauthorized", given.isPresent()
                            ? "the bearer token is wrong" : "this node needs Authorization: Bearer TOKEN")));
        });
    }
}
