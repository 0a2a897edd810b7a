package dev.softwarefactory.llmgateway.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/** Turns an HTTP error response of an OpenAI-compatible server into a {@link CallFailure}. */
final class ErrorResponses {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorResponses() {
    }

    static CallFailure of(int status, String body, Optional<String> retryAfterHeader) {
        String message = message(body);
        if (status == 429) {
            return new CallFailure("429 rate limited: " + message, true, retryAfterHeader.flatMap(ErrorResponses::delay));
        }
        if (status == 408 || status == 409 || status == 425 || status >= 500) {
            return new CallFailure(status + " server error: " + message, true,
                    retryAfterHeader.flatMap(ErrorResponses::delay));
        }
        if (contextTooLong(message)) {
            return CallFailure.permanent("context too long (" + status + "): " + message);
        }
        String what = switch (status) {
            case 401 -> "401 unauthorized (check the API key)";
            case 403 -> "403 forbidden";
            case 404 -> "404 not found (check the base URL and the model name)";
            default -> status + " bad request";
        };
        return CallFailure.permanent(what + ": " + message);
    }

    /** Seconds or an HTTP date, as RFC 9110 allows. */
    static Optional<Duration> delay(String header) {
        String value = header.strip();
        try {
            return Optional.of(Duration.ofMillis(Math.max(0, (long) (Double.parseDouble(value) * 1000))));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    private static boolean contextTooLong(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        return m.contains("context_length_exceeded") || m.contains("context length") || m.contains("context window")
                || m.contains("maximum context") || m.contains("too many tokens");
    }

    private static String message(String body) {
        try {
            JsonNode error = JSON.readTree(body).path("error");
            String text = error.isTextual() ? error.asText() : error.path("message").asText("");
            String code = error.path("code").asText("");
            if (!text.isEmpty()) {
                return code.isEmpty() || text.contains(code) ? text : text + " [" + code + "]";
            }
        } catch (Exception notJson) {
            // fall through: quote the body itself
        }
        String flat = body.strip().replaceAll("\\s+", " ");
        return flat.isEmpty() ? "(empty body)" : flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
    }
}
