package fr.portailfamille.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client calling the portal from a given loopback address (127.0.0.2, 127.0.0.3, …): what the
 * server sees as the client's address, as if families and attackers were on different networks.
 * Plain HTTP/1.1 over a socket bound to that address, one connection per request, its own cookies.
 */
final class FromAddress {

    /** One answer. */
    record Answer(int status, Map<String, List<String>> headers, String body) {
        String location() {
            List<String> l = headers.get("location");
            return l == null ? null : l.get(0);
        }
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    private final String address;
    private final int port;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    FromAddress(String address, int port) {
        this.address = address;
        this.port = port;
    }

    String address() {
        return address;
    }

    Answer get(String path, String... headers) {
        return send("GET", path, null, null, headers);
    }

    Answer postForm(String path, Map<String, String> fields, String... headers) {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return send("POST", path, "application/x-www-form-urlencoded", body.toString(), headers);
    }

    /** Logs in on a login form ({@code /connexion} or {@code /agent/connexion}): the answer to the POST. */
    Answer login(String formPath, String username, String password) {
        Answer form = get(formPath);
        Matcher m = CSRF.matcher(form.body());
        if (!m.find()) {
            throw new AssertionError("no CSRF token on " + formPath + " (" + form.status() + ")");
        }
        String token = m.group(1) != null ? m.group(1) : m.group(2);
        return postForm(formPath, Map.of("username", username, "password", password, "_csrf", token));
    }

    Answer send(String method, String path, String contentType, String body, String... headers) {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(address, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(60_000);
            StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost:" + port
                    + "\r\nConnection: close\r\nAccept-Language: fr-FR\r\n");
            if (!cookies.isEmpty()) {
                request.append("Cookie: ").append(String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()))
                        .append("\r\n");
            }
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            if (contentType != null) {
                request.append("Content-Type: ").append(contentType).append("\r\n");
            }
            if (body != null || "POST".equals(method)) {
                request.append("Content-Length: ").append(content.length).append("\r\n");
            }
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        // one char per byte while cutting the head and the chunks, the body decoded as UTF-8 at the end
        String raw = all.toString(StandardCharsets.ISO_8859_1);
        int end = raw.indexOf("\r\n\r\n");
        String head = end < 0 ? raw : raw.substring(0, end);
        String body = end < 0 ? "" : raw.substring(end + 4);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
                headers.computeIfAbsent(name, k -> new ArrayList<>()).add(lines[i].substring(colon + 1).trim());
            }
        }
        for (String cookie : headers.getOrDefault("set-cookie", List.of())) {
            String pair = cookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        if ("chunked".equalsIgnoreCase(String.join("", headers.getOrDefault("transfer-encoding", List.of())))) {
            body = unchunk(body);
        }
        return new Answer(status, headers, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    private static String unchunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", i);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(chunked.substring(i, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            int start = lineEnd + 2;
            int stop = Math.min(chunked.length(), start + size);
            out.append(chunked, start, stop);
            i = stop + 2;
        }
        return out.toString();
    }
}
