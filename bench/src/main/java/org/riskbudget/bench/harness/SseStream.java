package org.riskbudget.bench.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A subscription to a server-sent event stream, read line by line on a thread of its own. Each complete event
 * (its {@code id}, here the regime sequence) is handed to the listener with the time its last line arrived.
 */
public final class SseStream implements AutoCloseable {

    /** Receives each event's id and the {@link System#nanoTime()} at which it arrived. */
    @FunctionalInterface
    public interface Listener {
        void onEvent(String id, long arrivedNs);
    }

    private static final String SUBSCRIBED_COMMENT = ":subscribed";
    private static final Duration SUBSCRIBE_TIMEOUT = Duration.ofSeconds(30);

    private final Thread reader;
    private final CountDownLatch subscribed = new CountDownLatch(1);
    private volatile Stream<String> lines;
    private volatile boolean closed;

    private SseStream(HttpApi api, URI uri, String token, Listener listener) {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream").GET().build();
        reader = new Thread(() -> read(api, request, listener), "sse-" + uri.getPath());
        reader.setDaemon(true);
    }

    /** Opens the stream and returns once the server confirmed the subscription, so no later event is missed. */
    public static SseStream open(HttpApi api, URI uri, String token, Listener listener) {
        SseStream stream = new SseStream(api, uri, token, listener);
        stream.reader.start();
        try {
            if (!stream.subscribed.await(SUBSCRIBE_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                stream.close();
                throw new IllegalStateException("no subscription confirmed by " + uri);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return stream;
    }

    private void read(HttpApi api, HttpRequest request, Listener listener) {
        try {
            HttpResponse<Stream<String>> response = api.client().send(request, HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("stream " + request.uri() + " answered " + response.statusCode());
            }
            lines = response.body();
            String id = null;
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.startsWith(SUBSCRIBED_COMMENT)) {
                    subscribed.countDown();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.isEmpty() && id != null) {
                    listener.onEvent(id, System.nanoTime());
                    id = null;
                }
            }
        } catch (IOException | UncheckedIOException e) {
            if (!closed) {
                Progress.line("sse", "stream %s ended: %s", request.uri().getPath(), e.getMessage());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        Stream<String> open = lines;
        if (open != null) {
            open.close(); // closes the response body, which ends the reader's loop
        }
        reader.interrupt();
    }
}
