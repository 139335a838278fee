package dev.tether.backend.postgres;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * Speaks just enough of PostgreSQL's wire protocol to ask one client for a cleartext password and
 * reject it with 28P01, as a server with password authentication does. (The local server trusts
 * every local connection, so it never asks.)
 */
final class PasswordRejectingServer implements AutoCloseable {
    private static final int SSL_REQUEST = 80877103;
    private static final int GSS_ENC_REQUEST = 80877104;

    private final ServerSocket listener;
    /** The password the client sent. */
    final CompletableFuture<String> received = new CompletableFuture<>();

    PasswordRejectingServer() throws IOException {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("password-rejecting-server").start(this::serveOne);
    }

    int port() {
        return listener.getLocalPort();
    }

    private void serveOne() {
        try (Socket client = listener.accept()) {
            DataInputStream in = new DataInputStream(client.getInputStream());
            DataOutputStream out = new DataOutputStream(client.getOutputStream());
            while (true) {
                int length = in.readInt();
                int code = in.readInt();
                in.skipNBytes(length - 8);
                if (code != SSL_REQUEST && code != GSS_ENC_REQUEST) {
                    break; // the startup message
                }
                out.writeByte('N'); // no TLS, no GSS encryption: go on in plain text
                out.flush();
            }
            out.writeByte('R'); // AuthenticationCleartextPassword
            out.writeInt(8);
            out.writeInt(3);
            out.flush();
            if (in.readByte() != 'p') {
                throw new IOException("expected a password message");
            }
            byte[] password = new byte[in.readInt() - 4];
            in.readFully(password);
            received.complete(new String(password, 0, password.length - 1, StandardCharsets.UTF_8));
            sendError(out, "28P01", "password authentication failed for user \"app\"");
        } catch (IOException e) {
            received.completeExceptionally(e);
        }
    }

    private static void sendError(DataOutputStream out, String state, String message) throws IOException {
        ByteArrayOutputStream fields = new ByteArrayOutputStream();
        for (String field : new String[] {"SFATAL", "VFATAL", "C" + state, "M" + message}) {
            fields.writeBytes(field.getBytes(StandardCharsets.UTF_8));
            fields.write(0);
        }
        fields.write(0);
        out.writeByte('E');
        out.writeInt(4 + fields.size());
        out.write(fields.toByteArray());
        out.flush();
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
