package dev.softwarefactory.cli.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** POSTs one body a number of times with a fixed number of clients, each sending its next request on an answer. */
final class HttpLoad {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private HttpLoad() {
    }

    /** Latencies of the answered requests (status 200), the wall time, and the first failure if any. */
    record Result(List<Long> latenciesNanos, double seconds, int failures, String firstFailure) {
        double perSecond() {
            return latenciesNanos.size() / seconds;
        }

        double ms(int percentile) {
            return Percentiles.of(latenciesNanos, percentile) / 1e6;
        }
    }

    static Result post(String url, Map<String, String> headers, String body, int requests, int clients) {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger left = new AtomicInteger(requests);
        AtomicInteger failures = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>("");
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(builder::header);
        HttpRequest request = builder.build();
        long start = System.nanoTime();
        List<CompletableFuture<Void>> loops = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            loops.add(loop(request, left, latencies, failures, firstFailure));
        }
        loops.forEach(CompletableFuture::join);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(new ArrayList<>(latencies), seconds, failures.get(), firstFailure.get());
    }

    private static CompletableFuture<Void> loop(HttpRequest request, AtomicInteger left,
            ConcurrentLinkedQueue<Long> latencies, AtomicInteger failures, AtomicReference<String> firstFailure) {
        if (left.getAndDecrement() <= 0) {
            return CompletableFuture.completedFuture(null);
        }
        long sent = System.nanoTime();
        return CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, error) -> {
            if (error == null && response.statusCode() == 200) {
                latencies.add(System.nanoTime() - sent);
            } else {
                failures.incrementAndGet();
                firstFailure.compareAndSet("", error != null ? error.toString()
                        : response.statusCode() + " " + response.body().lines().findFirst().orElse(""));
            }
            return null;
        }).thenCompose(done -> loop(request, left, latencies, failures, firstFailure));
    }
}
