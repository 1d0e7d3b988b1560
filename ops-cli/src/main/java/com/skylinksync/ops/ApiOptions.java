package com.skylinksync.ops;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Option;

/**
 * Where the operator API is and which credential to present, from (first found) a flag, the environment
 * ({@code SKYLINK_API_URL}, {@code SKYLINK_TOKEN}) or a config file ({@code --config}, {@code SKYLINK_CONFIG}, else
 * {@code ~/.config/skylink/config.properties}, with keys {@code api-url} and {@code token}); and the output format.
 */
final class ApiOptions {

    static final String DEFAULT_URL = "http://127.0.0.1:8080";

    @Option(names = "--api-url", paramLabel = "URL", description = "The gateway's operator API (default: $SKYLINK_API_URL, the config file, " + DEFAULT_URL + ").")
    String apiUrl;

    @Option(names = "--token", paramLabel = "TOKEN", description = "Operator credential (default: $SKYLINK_TOKEN, the config file). Prefer the environment: flags show in ps.")
    String token;

    @Option(names = "--config", paramLabel = "FILE", description = "Config file with api-url= and token= (default: $SKYLINK_CONFIG, ~/.config/skylink/config.properties).")
    Path config;

    @Option(names = "--json", description = "Print JSON (for scripts) instead of tables.")
    boolean json;

    /** Read at resolution time, so tests can give an environment of their own. */
    Map<String, String> environment = System.getenv();

    OperatorApi api() {
        Properties file = file();
        String url = first(apiUrl, environment.get("SKYLINK_API_URL"), file.getProperty("api-url"), DEFAULT_URL);
        String credential = first(token, environment.get("SKYLINK_TOKEN"), file.getProperty("token"), null);
        try {
            return new OperatorApi(URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url), credential);
        } catch (IllegalArgumentException e) {
            throw new ApiFailure(ExitCode.USAGE, "skylink: not a URL: " + url);
        }
    }

    private Properties file() {
        Path path = config != null ? config
                : environment.get("SKYLINK_CONFIG") != null ? Path.of(environment.get("SKYLINK_CONFIG"))
                : Path.of(System.getProperty("user.home"), ".config", "skylink", "config.properties");
        Properties properties = new Properties();
        if (Files.isReadable(path)) {
            try (Reader reader = Files.newBufferedReader(path)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new ApiFailure(ExitCode.USAGE, "skylink: cannot read config file " + path + ": " + e.getMessage());
            }
        } else if (config != null) {
            throw new ApiFailure(ExitCode.USAGE, "skylink: no config file " + path);
        }
        return properties;
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }
}
