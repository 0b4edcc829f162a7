package de.efa.registry.standalone.support;

import com.mongodb.ConnectionString;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay between the registry and the test store, so that a test can take the store away — connections cut,
 * new ones refused, as when the server or the network between them fails — and bring it back on the same address.
 * It works the same in front of the embedded server and a real MongoDB (a direct connection to one member).
 */
public final class StoreProxy {

    private final InetSocketAddress target;
    private final String connectionString;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listener;

    private StoreProxy(String storeUri) {
        ConnectionString store = new ConnectionString(storeUri);
        String[] hostAndPort = store.getHosts().get(0).split(":");
        this.target = new InetSocketAddress(hostAndPort[0], hostAndPort.length > 1 ? Integer.parseInt(hostAndPort[1]) : 27017);
        this.listener = listen(0);
        this.port = listener.getLocalPort();
        this.connectionString = relayed(storeUri, port);
        accept(listener);
    }

    /**
     * The same connection string (credentials and options kept) with this relay as its only host, connected to
     * directly (no replica set discovery past the relay), and quick to notice that the store is gone.
     */
    private static String relayed(String storeUri, int port) {
        String scheme = "mongodb://";
        int query = storeUri.indexOf('?');
        String base = (query < 0 ? storeUri : storeUri.substring(0, query)).substring(scheme.length());
        int at = base.indexOf('@');
        String credentials = at < 0 ? "" : base.substring(0, at + 1);
        String afterHosts = base.substring(at + 1);
        int slash = afterHosts.indexOf('/');
        String database = slash < 0 ? "/" : afterHosts.substring(slash);
        StringBuilder options = new StringBuilder();
        if (query >= 0) {
            for (String option : storeUri.substring(query + 1).split("&")) {
                if (!option.isEmpty() && !option.toLowerCase(java.util.Locale.ROOT).startsWith("replicaset=")) {
                    options.append(option).append('&');
                }
            }
        }
        options.append("directConnection=true&serverSelectionTimeoutMS=1500&connectTimeoutMS=1000");
        return scheme + credentials + "127.0.0.1:" + port + database + "?" + options;
    }

    /** A relay to the store of {@code storeUri} (a {@code mongodb://} connection string). */
    public static StoreProxy to(String storeUri) {
        return new StoreProxy(storeUri);
    }

    /** The connection string through the relay. */
    public String connectionString() {
        return connectionString;
    }

    /** The store is gone: every open connection is cut, new ones are refused. */
    public synchronized void cut() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing is all we want
        }
        for (Socket socket : open) {
            close(socket);
        }
    }

    /** The store is back, on the same address (nothing happens when it was not cut). */
    public synchronized void restore() {
        if (!listener.isClosed()) {
            return;
        }
        listener = listen(port);
        accept(listener);
    }

    private static ServerSocket listen(int port) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void accept(ServerSocket socket) {
        daemon("store-proxy-accept", () -> {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    Socket server = new Socket();
                    server.connect(target, 1_000);
                    open.add(client);
                    open.add(server);
                    daemon("store-proxy-up", () -> pump(client, server));
                    daemon("store-proxy-down", () -> pump(server, client));
                } catch (IOException e) {
                    // the listener was closed (cut), or the store itself refused: the client sees a closed connection
                }
            }
        });
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // cut, or closed by either side
        } finally {
            close(from);
            close(to);
        }
    }

    private void close(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    private static void daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }
}
