package de.efa.registry.kernel.service;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import de.efa.registry.kernel.common.InvalidValueException;
import de.efa.registry.kernel.common.ValueObjects;

/**
 * Whether a version's URL answers, in the words the Dashboard Digitale Verwaltung publishes ({@code online_status}):
 * {@code ok} or {@code nicht ok}.
 */
public enum OnlineStatus {
    OK("ok"),
    NOT_OK("nicht ok");

    private final String text;

    OnlineStatus(String text) {
        this.text = text;
    }

    @JsonValue
    public String text() {
        return text;
    }

    @JsonCreator
    public static OnlineStatus of(String text) {
        for (OnlineStatus status : values()) {
            if (status.text.equals(text)) {
                return status;
            }
        }
        throw new InvalidValueException("onlineStatus must be 'ok' or 'nicht ok', got '" + ValueObjects.abbreviate(text) + "'");
    }
}
