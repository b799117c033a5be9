package fr.portailfamille.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A browser-like HTTP session against the running portal: real HTTP, its own cookies (session,
 * CSRF), forms submitted with their hidden fields like a browser would. Redirects are not followed
 * unless asked, so tests can check them.
 */
public class WebSession {

    private final String baseUrl;
    private final HttpClient client;
    private Page last;

    WebSession(String baseUrl) {
        this.baseUrl = baseUrl;
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** The answer to one request. */
    public record Page(int status, String url, String body, Map<String, List<String>> headers) {

        public Document doc() {
            return Jsoup.parse(body, url);
        }

        public String location() {
            List<String> values = headers.getOrDefault("location", List.of());
            return values.isEmpty() ? null : values.get(0);
        }

        public String header(String name) {
            List<String> values = headers.getOrDefault(name.toLowerCase(), List.of());
            return values.isEmpty() ? null : values.get(0);
        }

        /** The visible text of the page (what a person reads). */
        public String text() {
            return doc().text();
        }

        public boolean isRedirectTo(String pathAndQuery) {
            return status == 302 && location() != null && location().endsWith(pathAndQuery);
        }
    }

    public Page get(String pathOrUrl) {
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).GET());
    }

    /** GET, then follows redirects (at most 10), like a browser. */
    public Page open(String pathOrUrl) {
        return follow(get(pathOrUrl));
    }

    public Page follow(Page page) {
        Page current = page;
        for (int i = 0; i < 10 && current.status() / 100 == 3 && current.location() != null; i++) {
            current = get(current.location());
        }
        return current;
    }

    /** Logs in as a family with the login form of the portal; returns the page after redirects. */
    public Page login(String username, String password) {
        Page form = get("/connexion");
        return follow(submit(form, "form[action$=/connexion]", Map.of("username", username, "password", password)));
    }

    /**
     * Submits a form of the page, with its own fields (hidden CSRF token included) overridden by
     * {@code values}; a key mapped to {@code null} removes the field. Unchecked boxes are left out.
     */
    public Page submit(Page page, String formSelector, Map<String, String> values) {
        Element form = page.doc().selectFirst(formSelector);
        if (form == null) {
            throw new AssertionError("no form " + formSelector + " on " + page.url() + "\n" + page.body());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name], select[name], textarea[name]")) {
            String type = input.attr("type");
            if (("checkbox".equals(type) || "radio".equals(type)) && !input.hasAttr("checked")) {
                continue;
            }
            if ("select".equals(input.tagName())) {
                Element selected = input.selectFirst("option[selected]");
                fields.put(input.attr("name"), selected == null ? "" : selected.attr("value"));
            } else if ("textarea".equals(input.tagName())) {
                fields.put(input.attr("name"), input.text());
            } else if (!"submit".equals(type) && !"file".equals(type)) {
                fields.put(input.attr("name"), input.attr("value"));
            }
        }
        values.forEach((k, v) -> {
            if (v == null) {
                fields.remove(k);
            } else {
                fields.put(k, v);
            }
        });
        String action = form.absUrl("action").isEmpty() ? page.url() : form.absUrl("action");
        return postForm(action, fields);
    }

    /** POSTs form fields as they are: no CSRF token is added (see {@link #csrfToken()}). */
    public Page postForm(String pathOrUrl, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(pathOrUrl))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A file part for {@link #postMultipart}. */
    public record FilePart(String field, String fileName, String contentType, byte[] content) {}

    /** POSTs a multipart form (uploads): text fields then files. */
    public Page postMultipart(String pathOrUrl, Map<String, String> fields, List<FilePart> files) {
        String boundary = "----portail" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (Map.Entry<String, String> field : fields.entrySet()) {
                out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                        + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            for (FilePart file : files) {
                out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field() + "\"; filename=\""
                        + file.fileName() + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                out.write(file.content());
                out.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return send(HttpRequest.newBuilder(uri(pathOrUrl))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
    }

    /** Any request, e.g. with Basic authentication or another method. */
    public Page send(HttpRequest.Builder request) {
        try {
            HttpRequest built = request.timeout(Duration.ofSeconds(60)).build();
            if (built.headers().firstValue("Accept").isEmpty()) {
                // what a browser asks for: pages, not JSON
                built = HttpRequest.newBuilder(built, (name, value) -> true)
                        .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                        .header("Accept-Language", "fr-FR,fr;q=0.9").build();
            }
            HttpResponse<String> response = client.send(built,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            last = new Page(response.statusCode(), response.uri().toString(), response.body(), response.headers().map());
            return last;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GET of a download: its raw bytes, undecoded (with the session's cookies). */
    public byte[] bytes(String pathOrUrl) {
        try {
            return client.send(HttpRequest.newBuilder(uri(pathOrUrl)).timeout(Duration.ofSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The CSRF token of the last page that had a form. */
    public String csrfToken() {
        Element token = last == null ? null : last.doc().selectFirst("input[name=_csrf]");
        return token == null ? null : token.attr("value");
    }

    public Page last() {
        return last;
    }

    public URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : baseUrl + pathOrUrl);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }
}
