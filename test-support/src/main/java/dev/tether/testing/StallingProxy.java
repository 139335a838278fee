package dev.tether.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy to a real server that can start dropping every byte, like a network path that went
 * silent: the peers see no error, just no answer. Stalled from the start, it accepts connections
 * and never answers.
 */
public final class StallingProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final String targetHost;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean stalled;

    public StallingProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("stalling-proxy-accept").start(this::accept);
    }

    public static StallingProxy silent() throws IOException {
        StallingProxy proxy = new StallingProxy("127.0.0.1", 1);
        proxy.stall();
        return proxy;
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** From now on, every byte in either direction is dropped. */
    public void stall() {
        stalled = true;
    }

    private void accept() {
        try {
            while (true) {
                Socket client = listener.accept();
                sockets.add(client);
                if (!stalled) {
                    Socket server = new Socket(targetHost, targetPort);
                    sockets.add(server);
                    Thread.ofVirtual().start(() -> pump(client, server));
                    Thread.ofVirtual().start(() -> pump(server, client));
                }
            }
        } catch (IOException e) {
            // The listener was closed.
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                if (!stalled) {
                    out.write(buffer, 0, read);
                }
            }
        } catch (IOException e) {
            // One side closed: the connection is over.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    @Override
    public void close() {
        closeQuietly(listener);
        sockets.forEach(StallingProxy::closeQuietly);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Best effort: the test is over.
        }
    }
}
