package org.reeltrace.drm.cenc;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A localhost HTTP server for the browser test: static files under named roots, honouring Range requests. */
final class RangeHttpServer implements AutoCloseable {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");
    private final HttpServer server;
    private final Map<String, Path> roots;

    RangeHttpServer(Map<String, Path> roots) throws IOException {
        this.roots = roots;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String p = ex.getRequestURI().getPath();
            Path file = null;
            for (Map.Entry<String, Path> r : roots.entrySet()) {
                if (p.startsWith(r.getKey())) {
                    file = r.getValue().resolve(p.substring(r.getKey().length())).normalize();
                    if (!file.startsWith(r.getValue())) {
                        file = null;
                    }
                }
            }
            if (file == null || !Files.isRegularFile(file)) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            long size = Files.size(file);
            long from = 0;
            long to = size - 1;
            int status = 200;
            String range = ex.getRequestHeaders().getFirst("Range");
            if (range != null) {
                Matcher m = RANGE.matcher(range.strip());
                if (m.matches()) {
                    if (m.group(1).isEmpty()) {
                        from = Math.max(0, size - Long.parseLong(m.group(2)));
                    } else {
                        from = Long.parseLong(m.group(1));
                        to = m.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(m.group(2)));
                    }
                    if (from > to || from >= size) {
                        ex.getResponseHeaders().set("Content-Range", "bytes */" + size);
                        ex.sendResponseHeaders(416, -1);
                        return;
                    }
                    status = 206;
                    ex.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + to + "/" + size);
                }
            }
            ex.getResponseHeaders().set("Accept-Ranges", "bytes");
            ex.getResponseHeaders().set("Content-Type", type(file));
            ex.getResponseHeaders().set("Cache-Control", "no-store");
            long length = to - from + 1;
            if (ex.getRequestMethod().equals("HEAD")) {
                ex.sendResponseHeaders(status, -1);
                return;
            }
            ex.sendResponseHeaders(status, length);
            try (FileChannel ch = FileChannel.open(file); OutputStream out = ex.getResponseBody()) {
                ch.position(from);
                InputStream in = Channels.newInputStream(ch);
                byte[] buf = new byte[1 << 16];
                long left = length;
                while (left > 0) {
                    int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                    if (n < 0) {
                        break;
                    }
                    out.write(buf, 0, n);
                    left -= n;
                }
            }
        }
    }

    private static String type(Path f) {
        String n = f.getFileName().toString();
        if (n.endsWith(".mpd")) {
            return "application/dash+xml";
        }
        if (n.endsWith(".mp4")) {
            return "video/mp4";
        }
        if (n.endsWith(".js")) {
            return "text/javascript";
        }
        return n.endsWith(".html") ? "text/html" : "application/octet-stream";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
