package org.riskbudget.projection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A server-sent events client on the JDK's HttpClient: reads the stream's lines on a thread of its own. Without a
 * token it sends no Authorization header, as a browser's EventSource cannot.
 */
final class SseClient implements AutoCloseable {

    /** One event of the stream: its id, its name and its data. */
    record Event(String id, String name, String data) {}

    /** Put after the last line when the server ended the stream; no line of a stream can hold it. */
    private static final String END = "\u0000end";

    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    SseClient(URI uri, String token, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Thread reader = new Thread(() -> {
            try {
                response.body().forEach(lines::add);
                lines.add(END);
            } catch (UncheckedIOException | IllegalStateException closed) {
                // the test closed the stream while this thread was reading it
            }
        }, "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    int status() {
        return response.statusCode();
    }

    /** Waits for a line equal to {@code expected}, such as {@code ":heartbeat"}; false when it did not come. */
    boolean awaitLine(String expected, Duration timeout) throws InterruptedException {
        long deadlineNs = System.nanoTime() + timeout.toNanos();
        for (String line = next(deadlineNs); line != null; line = next(deadlineNs)) {
            if (line.equals(expected)) {
                return true;
            }
        }
        return false;
    }

    /** The next {@code count} events, skipping comments; fails when they do not come in time. */
    List<Event> awaitEvents(int count, Duration timeout) throws InterruptedException {
        long deadlineNs = System.nanoTime() + timeout.toNanos();
        List<Event> events = new ArrayList<>();
        String id = null;
        String name = null;
        String data = null;
        while (events.size() < count) {
            String line = next(deadlineNs);
            if (line == null) {
                throw new AssertionError("only " + events.size() + " of " + count + " events arrived: " + events);
            }
            if (line.startsWith("id:")) {
                id = line.substring(3);
            } else if (line.startsWith("event:")) {
                name = line.substring(6);
            } else if (line.startsWith("data:")) {
                data = line.substring(5);
            } else if (line.isEmpty() && data != null) {
                events.add(new Event(id, name, data));
                id = null;
                name = null;
                data = null;
            }
        }
        return events;
    }

    /** Waits until the server has ended the stream; false when it is still open after the timeout. */
    boolean awaitEnd(Duration timeout) throws InterruptedException {
        return awaitLine(END, timeout);
    }

    private String next(long deadlineNs) throws InterruptedException {
        return lines.poll(Math.max(0, deadlineNs - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        response.body().close();
    }
}
