package io.leadhouse.metaads;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.common.buffers.DataReader.InsufficientDataAvailableException;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderName;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.leadhouse.crypto.Secret;
import io.leadhouse.support.ForbiddenException;
import io.leadhouse.support.InvalidInputException;
import io.leadhouse.support.PayloadTooLargeException;
import io.leadhouse.support.UnauthorizedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /webhooks/meta}: Meta's subscription handshake ({@code GET}) and lead deliveries
 * ({@code POST}). A delivery is checked against the app secret over the bytes exactly as sent,
 * stored in the inbox and acknowledged at once; a worker does the rest, so Meta never waits for
 * the Graph API and a crash after the acknowledgement loses nothing.
 */
final class MetaWebhookRoutes implements HttpService {
    private static final Logger LOG = LoggerFactory.getLogger(MetaWebhookRoutes.class);
    private static final HeaderName SIGNATURE = HeaderNames.create("X-Hub-Signature-256");
    private static final Pattern CHALLENGE = Pattern.compile("^[A-Za-z0-9._~-]{1,256}$");
    private static final String NO_APP = "this install has no Meta app configured; an Admin must enter the app secret"
            + " and webhook verify token in the admin console (or set meta.app-secret and meta.verify-token)";

    private final MetaConnections connections;
    private final DeliveryRepository deliveries;
    private final MetaInboxWorker worker;
    private final int maxBodyBytes;
    private final Clock clock;

    MetaWebhookRoutes(MetaConnections connections, DeliveryRepository deliveries, MetaInboxWorker worker,
            int maxBodyBytes, Clock clock) {
        this.connections = connections;
        this.deliveries = deliveries;
        this.worker = worker;
        this.maxBodyBytes = maxBodyBytes;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::verifySubscription).post("/", this::receiveDelivery);
    }

    private void verifySubscription(ServerRequest request, ServerResponse response) {
        String mode = request.query().first("hub.mode").orElse("");
        Secret token = Secret.of(request.query().first("hub.verify_token").orElse(""));
        String challenge = request.query().first("hub.challenge").orElse("");
        MetaAppCredentials app = connections.appCredentials().orElseThrow(() -> new ForbiddenException(NO_APP));
        if (!"subscribe".equals(mode)) {
            throw new ForbiddenException("hub.mode must be 'subscribe'; only Meta's subscription handshake is served");
        }
        if (token.isEmpty() || !token.equals(app.verifyToken())) {
            LOG.warn("Meta webhook handshake refused: the verify token does not match");
            throw new ForbiddenException("the verify token does not match; enter this install's verify token in the"
                    + " Meta app's webhook settings");
        }
        if (!CHALLENGE.matcher(challenge).matches()) {
            throw new InvalidInputException("hub.challenge is missing or not a plain token; Meta sends a number");
        }
        LOG.info("Meta webhook subscription verified");
        response.headers().contentType(MediaTypes.TEXT_PLAIN);
        response.send(challenge);
    }

    private void receiveDelivery(ServerRequest request, ServerResponse response) {
        OptionalLong declared = request.headers().contentLength();
        if (declared.isPresent() && declared.getAsLong() > maxBodyBytes) {
            LOG.warn("Meta delivery refused: Content-Length {} is over meta.max-body-bytes ({})",
                    declared.getAsLong(), maxBodyBytes);
            throw tooLarge();
        }
        byte[] body = readLimited(request, declared);
        if (body.length == 0) {
            LOG.warn("Meta delivery refused: the body is empty");
            throw new InvalidInputException("the delivery is empty; Meta sends a JSON object");
        }
        MetaAppCredentials app = connections.appCredentials().orElseThrow(() -> new ForbiddenException(NO_APP));
        if (!Signatures.isValid(request.headers().first(SIGNATURE), body, app.appSecret())) {
            LOG.warn("Meta delivery of {} bytes refused: X-Hub-Signature-256 is missing or wrong", body.length);
            throw new UnauthorizedException("X-Hub-Signature-256 is missing or does not match the body; check that"
                    + " the Meta app's secret is the one entered in Leadhouse");
        }
        if (!MetaJson.parse(body).map(JsonNode::isObject).orElse(false)) {
            // Size only: the body came from outside and may hold personal data.
            LOG.warn("Meta delivery of {} bytes refused: not a JSON object", body.length);
            throw new InvalidInputException(
                    "the delivery is not a JSON object; Meta sends {\"object\":..., \"entry\":[...]}");
        }
        long id = deliveries.insert(body, clock.instant());
        LOG.debug("delivery={} stored ({} bytes)", id, body.length);
        worker.nudge();
        response.send();
    }

    private byte[] readLimited(ServerRequest request, OptionalLong declared) {
        try (InputStream in = request.content().inputStream()) {
            byte[] body = in.readNBytes(maxBodyBytes + 1);
            if (body.length > maxBodyBytes) {
                LOG.warn("Meta delivery refused: more than {} bytes (meta.max-body-bytes)", maxBodyBytes);
                throw tooLarge();
            }
            return body;
        } catch (IOException | UncheckedIOException | InsufficientDataAvailableException e) {
            // The sender stopped before the end (Helidon throws InsufficientDataAvailableException when a
            // body ends before its Content-Length): Meta retries an unacknowledged delivery.
            if (declared.isPresent()) {
                LOG.warn("Meta delivery refused: the body ended before its Content-Length of {} bytes",
                        declared.getAsLong());
            } else {
                LOG.warn("Meta delivery refused: the body could not be read to its end");
            }
            throw new InvalidInputException("the delivery could not be read to its end; Meta sends it again", e);
        }
    }

    private PayloadTooLargeException tooLarge() {
        return new PayloadTooLargeException("the delivery is larger than " + maxBodyBytes
                + " bytes (meta.max-body-bytes); Meta's deliveries are far smaller, so it was not stored");
    }
}
