package dev.softwarefactory.llmgateway.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplyParsingTest {
    @Test
    void unauthorizedIsNotRetryableAndSaysToCheckTheKey() {
        CallFailure failure = ErrorResponses.of(401, "{\"error\":{\"message\":\"Incorrect API key\"}}", Optional.empty());

        assertFalse(failure.retryable());
        assertEquals("401 unauthorized (check the API key): Incorrect API key", failure.getMessage());
    }

    @Test
    void contextTooLongIsNotRetryable() {
        CallFailure failure = ErrorResponses.of(400, "{\"error\":{\"message\":\"This model's maximum context length"
                + " is 8192 tokens\",\"code\":\"context_length_exceeded\"}}", Optional.empty());

        assertFalse(failure.retryable());
        assertTrue(failure.getMessage().startsWith("context too long (400)"), failure.getMessage());
    }

    @Test
    void rateLimitIsRetryableWithTheRetryAfterInSeconds() {
        CallFailure failure = ErrorResponses.of(429, "{}", Optional.of("2.5"));

        assertTrue(failure.retryable());
        assertEquals(Optional.of(Duration.ofMillis(2500)), failure.retryAfter());
    }

    @Test
    void retryAfterAsAnHttpDateIsUnderstood() {
        String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().plusSeconds(10));

        Duration wait = ErrorResponses.delay(inTenSeconds).orElseThrow();

        assertTrue(wait.compareTo(Duration.ofSeconds(8)) > 0 && wait.compareTo(Duration.ofSeconds(11)) < 0, "" + wait);
    }

    @Test
    void serviceUnavailableIsRetryable() {
        assertTrue(ErrorResponses.of(503, "overloaded", Optional.empty()).retryable());
    }

    @Test
    void streamWithoutUsageGetsEstimatedTokens() {
        String body = "data: {\"choices\":[{\"delta\":{\"content\":\"12345678\"},\"finish_reason\":null}]}\n\n"
                + "data: {\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n";

        Completion completion = CompletionParser.parse(body, true, 7);

        assertEquals(new Completion("12345678", 7, 2), completion);
    }

    @Test
    void streamThatStopsBeforeItsEndIsCutMidWay() {
        String body = "data: {\"choices\":[{\"delta\":{\"content\":\"half\"},\"finish_reason\":null}]}\n\n";

        CallFailure failure = assertThrows(CallFailure.class, () -> CompletionParser.parse(body, true, 1));

        assertTrue(failure.retryable());
        assertTrue(failure.getMessage().contains("cut off mid-way"), failure.getMessage());
    }

    @Test
    void plainReplyThatIsNotJsonIsARetryableFailure() {
        CallFailure failure = assertThrows(CallFailure.class, () -> CompletionParser.parse("<html>oops", false, 1));

        assertTrue(failure.retryable());
        assertTrue(failure.getMessage().startsWith("the reply is not valid JSON"), failure.getMessage());
    }
}
