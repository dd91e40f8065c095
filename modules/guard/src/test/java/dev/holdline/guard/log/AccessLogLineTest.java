package dev.holdline.guard.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AccessLogLineTest {

    @Test
    void plainValuesAreBareAndAbsentOnesLeftOut() {
        assertEquals("method=GET path=/a/b%20c status=200", new AccessLogLine()
                .field("method", "GET").field("path", "/a/b%20c").field("trace_id", null).field("status", 200).toString());
    }

    @Test
    void aHostileValueCannotEndTheLineOrForgeAField() {
        String line = new AccessLogLine().field("path", "/x\r\nmethod=POST status=200 \"q\\").field("status", 404).toString();
        assertEquals("path=\"/x\\r\\nmethod=POST status=200 \\\"q\\\\\" status=404", line);
        assertFalse(line.contains("\n") || line.contains("\r"), line);
    }

    @Test
    void controlAndLineSeparatingCharactersAreEscaped() {
        String line = new AccessLogLine().field("v", "a\u0000b\u0085c\u2028d\te\u007ff").toString();
        assertEquals("v=\"a\\u0000b\\u0085c\\u2028d\\te\\u007ff\"", line);
    }

    @Test
    void emptyAndNonAsciiValuesAreQuoted() {
        assertEquals("a=\"\" b=\"café\"", new AccessLogLine().field("a", "").field("b", "café").toString());
    }

    @Test
    void credentialsCookiesAndTokensAreAlwaysRedacted() {
        for (String name : new String[] {"authorization", "proxy-authorization", "cookie", "set-cookie", "x-csrf-token",
                "x-xsrf-token", "csrf-token", "x-api-key", "x-session-id"}) {
            assertTrue(LoggedHeaders.redacted(name), name);
            assertEquals(LoggedHeaders.REDACTED, LoggedHeaders.logged(name, "secret"), name);
        }
        assertEquals("curl/8", LoggedHeaders.logged("user-agent", "curl/8"));
        assertEquals(null, LoggedHeaders.logged("authorization", null));
    }
}
