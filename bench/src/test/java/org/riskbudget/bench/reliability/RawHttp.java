package org.riskbudget.bench.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, one request per connection. A hostile client is not bound by what
 * {@code java.net.http} lets one send: request targets with malformed percent-escapes, header values with raw
 * Latin-1 bytes, any method, any Content-Type or none. Every exchange has a deadline, so a hang is a failure,
 * not a stuck build.
 */
final class RawHttp {

    /** One request as sent: the target is the raw request-target, already encoded (or deliberately not). */
    record Request(String method, String target, List<Map.Entry<String, String>> headers, byte[] body,
            boolean chunked) {

        @Override
        public String toString() {
            String shownTarget = target.length() > 160 ? target.substring(0, 160) + "…(" + target.length() + ")"
                    : target;
            String shownBody = body == null ? "no body" : body.length > 240
                    ? new String(body, 0, 240, StandardCharsets.UTF_8) + "…(" + body.length + " bytes)"
                    : new String(body, StandardCharsets.UTF_8);
            List<String> shownHeaders = headers.stream().map(header -> header.getKey() + ": "
                    + (header.getValue().length() > 60 ? header.getValue().substring(0, 60) + "…"
                    : header.getValue())).toList();
            return method + " " + shownTarget + " " + shownHeaders + (chunked ? " chunked " : " ") + shownBody;
        }
    }

    record Reply(int status, Map<String, String> headers, byte[] body) {

        String contentType() {
            return headers.getOrDefault("content-type", "");
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private RawHttp() {}

    static Reply exchange(URI service, Request request, Duration deadline) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(service.getHost(), service.getPort()), 5_000);
            socket.setSoTimeout((int) deadline.toMillis());
            StringBuilder head = new StringBuilder()
                    .append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(service.getHost()).append(':').append(service.getPort()).append("\r\n")
                    .append("Connection: close\r\n");
            for (Map.Entry<String, String> header : request.headers()) {
                head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
            }
            if (request.body() != null) {
                head.append(request.chunked() ? "Transfer-Encoding: chunked\r\n"
                        : "Content-Length: " + request.body().length + "\r\n");
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            try {
                // UTF-8, so a non-ASCII header value arrives as the bytes a careless client would send.
                out.write(head.toString().getBytes(StandardCharsets.UTF_8));
                if (request.body() != null) {
                    writeBody(out, request);
                }
                out.flush();
            } catch (IOException refusedEarly) {
                // A service may answer (413, say) and close before reading everything; its answer is still there.
            }
            return read(socket.getInputStream());
        }
    }

    private static void writeBody(OutputStream out, Request request) throws IOException {
        if (!request.chunked()) {
            out.write(request.body());
            return;
        }
        int chunk = 8_192;
        for (int offset = 0; offset < request.body().length; offset += chunk) {
            int length = Math.min(chunk, request.body().length - offset);
            out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(request.body(), offset, length);
            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }

    private static Reply read(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        if (end < 0) {
            throw new IOException("no complete HTTP answer: " + new String(all, StandardCharsets.ISO_8859_1));
        }
        String[] lines = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        byte[] body = Arrays.copyOfRange(all, end + 4, all.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Reply(status, headers, body);
    }

    private static byte[] dechunk(byte[] chunked) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int position = 0;
        while (position < chunked.length) {
            int lineEnd = indexOf(chunked, new byte[] {'\r', '\n'}, position);
            if (lineEnd < 0) {
                break;
            }
            String sizeText = new String(chunked, position, lineEnd - position, StandardCharsets.ISO_8859_1);
            int size = Integer.parseInt(sizeText.split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            body.write(chunked, lineEnd + 2, Math.min(size, chunked.length - lineEnd - 2));
            position = lineEnd + 2 + size + 2;
        }
        return body.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Headers in order, names as given. */
    static List<Map.Entry<String, String>> headers(String... namesAndValues) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.add(Map.entry(namesAndValues[i], namesAndValues[i + 1]));
        }
        return headers;
    }
}
