package fr.portailfamille.system.waitingroom;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The form a family posted while it waited, sent again on its behalf when it gets in: the request of
 * its browser (its cookies, its session) seen as that POST, with the fields it had sent. The page
 * that answers it (the planning's « Enregistré ») is what the family then sees.
 */
final class ReplayedForm extends HttpServletRequestWrapper {

    private final String path;
    private final Map<String, String[]> fields;

    ReplayedForm(HttpServletRequest request, String path, String body) {
        super(request);
        this.path = path;
        this.fields = Collections.unmodifiableMap(decode(body));
    }

    @Override
    public String getMethod() {
        return "POST";
    }

    @Override
    public String getRequestURI() {
        return getContextPath() + path;
    }

    @Override
    public StringBuffer getRequestURL() {
        HttpServletRequest request = (HttpServletRequest) getRequest();
        StringBuffer url = new StringBuffer();
        url.append(request.getScheme()).append("://").append(request.getServerName()).append(':').append(request.getServerPort());
        return url.append(getRequestURI());
    }

    @Override
    public String getServletPath() {
        return path;
    }

    @Override
    public String getPathInfo() {
        return null;
    }

    @Override
    public String getQueryString() {
        return null;
    }

    @Override
    public String getContentType() {
        return "application/x-www-form-urlencoded;charset=UTF-8";
    }

    @Override
    public int getContentLength() {
        return 0;
    }

    @Override
    public long getContentLengthLong() {
        return 0;
    }

    @Override
    public String getHeader(String name) {
        if ("content-type".equalsIgnoreCase(name)) {
            return getContentType();
        }
        return super.getHeader(name);
    }

    @Override
    public String getParameter(String name) {
        String[] values = fields.get(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return fields;
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(fields.keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
        String[] values = fields.get(name);
        return values == null ? null : values.clone();
    }

    @Override
    public ServletInputStream getInputStream() {
        return new ServletInputStream() {
            @Override
            public int read() {
                return -1;
            }

            @Override
            public boolean isFinished() {
                return true;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("the replayed form is already read");
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        return new BufferedReader(new StringReader(""));
    }

    static Map<String, String[]> decode(String body) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (!body.isEmpty()) {
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        }
        Map<String, String[]> fields = new LinkedHashMap<>();
        values.forEach((name, list) -> fields.put(name, list.toArray(String[]::new)));
        return fields;
    }
}
