package org.riskbudget.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Picks free loopback ports. Kafka needs its ports before it starts (the controller port is part of the
 * quorum configuration), so port 0 cannot simply be handed to it.
 */
final class FreePorts {

    private static final int MAX_ATTEMPTS = 10;

    private FreePorts() {
    }

    static int pick() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free port on the loopback interface", e);
        }
    }

    /** Returns {@code port} unless it is 0, in which case a free port other than {@code avoid}. */
    static int resolve(int port, int avoid) {
        if (port != 0) {
            return port;
        }
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            int picked = pick();
            if (picked != avoid) {
                return picked;
            }
        }
        throw new IllegalStateException("No free port other than " + avoid + " after " + MAX_ATTEMPTS + " attempts");
    }
}
