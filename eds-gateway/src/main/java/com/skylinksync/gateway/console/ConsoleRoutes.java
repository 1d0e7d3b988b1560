package com.skylinksync.gateway.console;

import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The operator console: static files under {@code classpath:/static/console/} (served by Boot's resource handling at
 * {@code /console/...}), with its page at {@code /console/}. The page holds no data and needs no credential to load
 * (the operator signs in on it); everything it shows comes from the operator API with the operator's Bearer token, so
 * the access filter guards the data exactly as it does for the CLI. A strict Content-Security-Policy (own scripts only,
 * no inline code, own origin only) keeps the token in sessionStorage out of reach of injected script.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleRoutes {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    @Bean
    RouterFunction<ServerResponse> consolePage() {
        Resource page = new ClassPathResource("static/console/index.html");
        return RouterFunctions.route()
                .GET("/console", request -> ServerResponse.permanentRedirect(URI.create("/console/")).build())
                .GET("/console/", request -> ServerResponse.ok()
                        .contentType(MediaType.TEXT_HTML)
                        .cacheControl(CacheControl.noCache())
                        .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                        .header("X-Content-Type-Options", "nosniff")
                        .header("Referrer-Policy", "no-referrer")
                        .bodyValue(page))
                .build();
    }
}
