package io.leadhouse.web;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.leadhouse.support.LeadhouseException;
import io.leadhouse.support.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The web UI's static files (CSS, JavaScript modules, SVG), read once from {@code web/assets/} on
 * the classpath. Their URLs carry a version made from their content, {@code /assets/<version>/<name>},
 * so browsers may keep them for a year and still get new files after an upgrade; relative module
 * imports stay inside the same version. Immutable and thread-safe.
 */
final class Assets {
    /** Every file served; a file missing from this list is not served. */
    static final List<String> NAMES = List.of("app.css", "logo.svg", "strings.js", "format.js", "dom.js", "api.js",
            "shell.js", "sign-in.js", "leads.js", "lead.js", "add-lead.js");
    private static final String CACHE_FOR_A_YEAR = "public, max-age=31536000, immutable";

    private record Asset(byte[] bytes, String contentType, String etag) {}

    private final Map<String, Asset> byName;
    private final String version;

    private Assets(Map<String, Asset> byName, String version) {
        this.byName = byName;
        this.version = version;
    }

    /** Reads every asset from the classpath. */
    static Assets load() {
        Map<String, Asset> byName = new LinkedHashMap<>();
        MessageDigest all = sha256();
        for (String name : NAMES) {
            byte[] bytes = read("web/assets/" + name);
            all.update(name.getBytes(StandardCharsets.UTF_8));
            all.update(bytes);
            String etag = "\"" + HexFormat.of().formatHex(sha256().digest(bytes), 0, 8) + "\"";
            byName.put(name, new Asset(bytes, contentType(name), etag));
        }
        return new Assets(Map.copyOf(byName), HexFormat.of().formatHex(all.digest(), 0, 6));
    }

    /** The URL of the asset {@code name}, with the current version. */
    String url(String name) {
        if (!byName.containsKey(name)) {
            throw new IllegalArgumentException("no asset named " + name);
        }
        return "/assets/" + version + "/" + name;
    }

    /** Answers {@code GET /assets/{version}/{name}}. */
    void serve(ServerRequest request, ServerResponse response) {
        String name = request.path().pathParameters().get("name");
        Asset asset = Optional.ofNullable(byName.get(name))
                .orElseThrow(() -> new NotFoundException("there is no web UI file named '" + name + "'"));
        boolean current = version.equals(request.path().pathParameters().get("version"));
        // A page from before an upgrade may ask for an old version: it gets today's file, not kept for long.
        response.headers().set(HeaderNames.CACHE_CONTROL, current ? CACHE_FOR_A_YEAR : "no-cache");
        response.headers().set(HeaderNames.ETAG, asset.etag());
        if (request.headers().first(HeaderNames.IF_NONE_MATCH).filter(asset.etag()::equals).isPresent()) {
            response.status(Status.NOT_MODIFIED_304).send();
            return;
        }
        response.headers().set(HeaderNames.CONTENT_TYPE, asset.contentType());
        response.send(asset.bytes());
    }

    private static String contentType(String name) {
        String extension = name.substring(name.lastIndexOf('.') + 1);
        return switch (extension) {
            case "css" -> "text/css; charset=utf-8";
            case "js" -> "text/javascript; charset=utf-8";
            case "svg" -> "image/svg+xml";
            default -> throw new IllegalArgumentException("no content type known for " + name);
        };
    }

    private static byte[] read(String resource) {
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new LeadhouseException(resource + " is missing from the classpath; rebuild Leadhouse");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new LeadhouseException("could not read " + resource + "; rebuild Leadhouse", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
