package com.housecall.notification.sms;

import com.housecall.notification.NotificationProperties;
import com.housecall.openapi.NoToken;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Twilio's webhooks (CONTRACT.md section 10), form-encoded, without a bearer token but verified by
 * {@code X-Twilio-Signature} over {@code webhook-base-url} + path: 401 problem+json when it does not match, else
 * 200 with TwiML. Inbound STOP-like keywords opt the number out of every SMS, START-like ones back in, HELP answers
 * with the support contact. A MessageSid already acted on is a replay: 200, and nothing changes. Logs name no number
 * and no text.
 */
@RestController
class SmsWebhookController {

    static final String STATUS_PATH = "/api/notifications/sms/status";
    static final String INBOUND_PATH = "/api/notifications/sms/inbound";

    static final Set<String> STOP = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT");
    static final Set<String> START = Set.of("START", "YES", "UNSTOP");
    static final Set<String> HELP = Set.of("HELP", "INFO");

    private static final Logger log = LoggerFactory.getLogger(SmsWebhookController.class);
    private static final String TWILIO = "Twilio signs the request: `X-Twilio-Signature` over the public webhook URL "
            + "(`housecall.sms.webhook-base-url` + path) and the form parameters.";
    private static final MediaType XML = MediaType.APPLICATION_XML;

    private final SmsProperties sms;
    private final NotificationProperties notification;
    private final OptOuts optOuts;
    private final JdbcClient jdbc;
    private final SmsTemplates templates;
    private final ProcessedWebhooks processed;

    SmsWebhookController(SmsProperties sms, NotificationProperties notification, OptOuts optOuts, JdbcClient jdbc,
                         SmsTemplates templates, ProcessedWebhooks processed) {
        this.templates = templates;
        this.processed = processed;
        this.sms = sms;
        this.notification = notification;
        this.optOuts = optOuts;
        this.jdbc = jdbc;
    }

    @Operation(summary = "Twilio's delivery status callback", requestBody = @RequestBody(content = @Content(
            mediaType = MediaType.APPLICATION_FORM_URLENCODED_VALUE, schema = @Schema(types = "object",
                    description = "Twilio's status callback parameters: MessageSid, MessageStatus, ..."))))
    @NoToken(TWILIO)
    @ApiResponse(responseCode = "200", description = "Empty TwiML",
            content = @Content(mediaType = "application/xml", examples = @ExampleObject("<Response/>")))
    @ApiResponse(responseCode = "401", description = "The X-Twilio-Signature does not match")
    @PostMapping(path = STATUS_PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<?> status(HttpServletRequest request) {
        Map<String, List<String>> params = params(request);
        if (!verified(request, STATUS_PATH, params)) {
            return unauthorized();
        }
        String sid = first(params, "MessageSid");
        String status = first(params, "MessageStatus");
        if (sid != null && status != null && status.matches("[a-z_-]{1,20}")) {
            int updated = jdbc.sql("UPDATE notification SET delivery_status = ? WHERE provider_id = ? AND channel = 'SMS'")
                    .params(status, sid).update();
            log.info("SMS status {} for {} notification(s)", status, updated);
        }
        return twiml(null);
    }

    @Operation(summary = "Twilio's inbound SMS", requestBody = @RequestBody(content = @Content(
            mediaType = MediaType.APPLICATION_FORM_URLENCODED_VALUE, schema = @Schema(types = "object",
                    description = "Twilio's incoming message parameters: From, To, Body, ..."))), description = """
            STOP (and STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT, REVOKE, OPTOUT) stops all SMS to the number until \
            START, YES or UNSTOP; HELP answers with the support contact.""")
    @NoToken(TWILIO)
    @ApiResponse(responseCode = "200", description = "TwiML: empty, or the HELP answer",
            content = @Content(mediaType = "application/xml", examples = @ExampleObject("<Response/>")))
    @ApiResponse(responseCode = "401", description = "The X-Twilio-Signature does not match")
    @PostMapping(path = INBOUND_PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @Transactional
    ResponseEntity<?> inbound(HttpServletRequest request) {
        Map<String, List<String>> params = params(request);
        if (!verified(request, INBOUND_PATH, params)) {
            return unauthorized();
        }
        String from = first(params, "From");
        String keyword = keyword(first(params, "Body"));
        String messageSid = first(params, "MessageSid");
        // Twilio's SIDs are 34 letters and digits; anything else cannot be one of its messages
        if (from == null || from.isBlank() || messageSid == null || !messageSid.matches("[A-Za-z0-9]{1,64}")) {
            return twiml(null);
        }
        if (!processed.firstTime(messageSid)) {
            log.info("An inbound SMS webhook was replayed; ignored");
            return twiml(null);
        }
        if (STOP.contains(keyword)) {
            optOuts.optOut(from.strip());
            log.info("An SMS number opted out");
            return twiml(null);
        }
        if (START.contains(keyword)) {
            optOuts.optIn(from.strip());
            log.info("An SMS number opted back in");
            return twiml(null);
        }
        if (HELP.contains(keyword)) {
            return twiml(templates.render("help", Map.of("supportContact", notification.supportContact())));
        }
        return twiml(null);
    }

    /** Twilio matches the whole message, trimmed, case-insensitive. */
    static String keyword(@Nullable String body) {
        return body == null ? "" : body.strip().toUpperCase(Locale.ROOT);
    }

    private boolean verified(HttpServletRequest request, String path, Map<String, List<String>> params) {
        String token = sms.authToken();
        if (token == null || token.isBlank()) {
            return false;
        }
        String url = SmsProperties.stripSlash(sms.webhookBaseUrl()) + path;
        String signature = request.getHeader("X-Twilio-Signature");
        boolean valid = TwilioSignature.valid(token, url, params, signature);
        if (!valid) {
            log.warn("Twilio webhook {} refused: signature does not match", path);
        }
        return valid;
    }

    private static Map<String, List<String>> params(HttpServletRequest request) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> params.put(name, Arrays.asList(values)));
        return params;
    }

    private static @Nullable String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    private static ResponseEntity<String> twiml(@Nullable String message) {
        String body = message == null
                ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>"
                : "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>" + HtmlUtils.htmlEscape(message)
                        + "</Message></Response>";
        return ResponseEntity.ok().contentType(XML).body(body);
    }

    private static ResponseEntity<ProblemDetail> unauthorized() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                "The request signature is missing or does not match.");
        problem.setTitle("Unauthorized");
        problem.setType(URI.create("about:blank"));
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
