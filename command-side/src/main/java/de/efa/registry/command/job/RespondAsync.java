package de.efa.registry.command.job;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Collections;
import java.util.Locale;

/**
 * {@code Prefer: respond-async} (RFC 7240): the client would rather poll a job than wait for long work. Preferences
 * are a comma-separated list, each possibly with parameters ({@code respond-async, wait=10}); one not understood is
 * ignored, as the RFC asks.
 */
public final class RespondAsync {

    static final String PREFER = "Prefer";
    static final String PREFERENCE_APPLIED = "Preference-Applied";
    static final String RESPOND_ASYNC = "respond-async";

    private RespondAsync() {
    }

    public static boolean requested(HttpServletRequest request) {
        for (String header : Collections.list(request.getHeaders(PREFER))) {
            for (String preference : header.split(",")) {
                String token = preference.split("[;=]", 2)[0].strip().toLowerCase(Locale.ROOT);
                if (RESPOND_ASYNC.equals(token)) {
                    return true;
                }
            }
        }
        return false;
    }
}
