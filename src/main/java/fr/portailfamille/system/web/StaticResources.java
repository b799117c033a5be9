package fr.portailfamille.system.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * The portal's own styles, scripts and images, and the WebJars, under URLs that carry a hash of
 * their content ({@code /css/portail-3f2a….css}, written by {@code @{/css/portail.css}} in the
 * templates): a browser keeps each one a year without asking again, and a changed file gets a new
 * URL. The pages themselves are never cached (Spring Security's {@code no-cache, no-store}); the
 * static paths get their own filter chain that leaves the cache headers to this configuration
 * ({@code system.security}). Registered before Spring Boot's own handlers, which then skip
 * {@code /webjars/**}; the Camunda webapps serve their files themselves, untouched.
 */
@Configuration(proxyBeanMethods = false)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class StaticResources implements WebMvcConfigurer {

    /** The paths of the files served by this configuration (also the static filter chain's). */
    public static final List<String> PATHS = List.of("/css/**", "/js/**", "/img/**", "/webjars/**");

    /** The hash the content strategy puts before the extension: {@code portail-<32 hex digits>.css}. */
    private static final Pattern VERSIONED = Pattern.compile("-[0-9a-f]{32}\\.[a-z0-9]+$");

    private static final String REVALIDATE = "no-cache";

    static final CacheControl A_YEAR = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        for (String folder : List.of("css", "js", "img")) {
            registry.addResourceHandler("/" + folder + "/**").addResourceLocations("classpath:/static/" + folder + "/")
                    .setCacheControl(A_YEAR)
                    .resourceChain(true).addResolver(byContent());
        }
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(A_YEAR)
                .resourceChain(true).addResolver(byContent()).addResolver(new LiteWebJarsResourceResolver());
    }

    private static VersionResourceResolver byContent() {
        return new VersionResourceResolver().addContentVersionStrategy("/**");
    }

    /**
     * A file asked for without its hash (an old bookmark, a script) is still served, but revalidated
     * on every use ({@code no-cache} with its Last-Modified): only a URL naming its content is kept.
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> unversionedStaticFiles() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return VERSIONED.matcher(request.getRequestURI()).find();
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                chain.doFilter(request, new HttpServletResponseWrapper(response) {
                    @Override
                    public void setHeader(String name, String value) {
                        super.setHeader(name, HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name) ? REVALIDATE : value);
                    }

                    @Override
                    public void addHeader(String name, String value) {
                        super.addHeader(name, HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name) ? REVALIDATE : value);
                    }
                });
            }
        });
        registration.setUrlPatterns(PATHS.stream().map(p -> p.replace("/**", "/*")).toList());
        return registration;
    }
}
