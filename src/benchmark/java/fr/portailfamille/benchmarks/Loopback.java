package fr.portailfamille.benchmarks;

import java.net.URI;
import java.util.Set;

/** The benchmarks only ever load this machine: any other target is refused before a request leaves. */
final class Loopback {

    private static final Set<String> HOSTS = Set.of("127.0.0.1", "localhost", "[::1]");

    private Loopback() {}

    static String baseUrl() {
        String url = System.getProperty("bench.baseUrl", "http://127.0.0.1:8080");
        String host = URI.create(url).getHost();
        if (host == null || !HOSTS.contains(host)) {
            throw new IllegalArgumentException("bench.baseUrl must be a loopback address, not " + url);
        }
        return url;
    }
}
