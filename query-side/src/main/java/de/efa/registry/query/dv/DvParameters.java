package de.efa.registry.query.dv;

import de.efa.registry.kernel.common.InvalidValueException;
import de.efa.registry.kernel.common.ValueObjects;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The Dashboard data API's query parameters, which it publishes as strings: {@code page} and {@code size} as digits
 * (default 0 and 100), {@code order} {@code asc|desc}, {@code includeAbove}/{@code includeBelow} {@code true|false},
 * {@code filetype} {@code csv|xlsx}. Anything else is a 400 problem naming the parameter.
 */
final class DvParameters {

    /** The most rows one page may hold: ten times the default, the size of a district's rows across all services. */
    static final int MAX_SIZE = 1000;

    private DvParameters() {
    }

    record Paging(int page, int size, boolean descending) {

        <T> List<T> ordered(List<T> rows) {
            if (!descending) {
                return rows;
            }
            List<T> reversed = new ArrayList<>(rows);
            Collections.reverse(reversed);
            return reversed;
        }
    }

    static Paging paging(String page, String size, String order) {
        int pageNumber = number("page", page, 0, Integer.MAX_VALUE / MAX_SIZE, 0);
        int pageSize = number("size", size, 1, MAX_SIZE, 100);
        if (order != null && !order.equals("asc") && !order.equals("desc")) {
            throw new InvalidValueException("order", "order must be 'asc' or 'desc', got '" + ValueObjects.abbreviate(order) + "'");
        }
        return new Paging(pageNumber, pageSize, "desc".equals(order));
    }

    static boolean flag(String name, String value) {
        if (value == null || value.equals("true")) {
            return true;
        }
        if (value.equals("false")) {
            return false;
        }
        throw new InvalidValueException(name, name + " must be 'true' or 'false', got '" + ValueObjects.abbreviate(value) + "'");
    }

    /** @return {@code csv}, {@code xlsx}, or null for JSON */
    static String filetype(String value) {
        if (value == null || value.equals("csv") || value.equals("xlsx")) {
            return value;
        }
        throw new InvalidValueException("filetype", "filetype must be 'csv' or 'xlsx', got '" + ValueObjects.abbreviate(value) + "'");
    }

    private static int number(String name, String value, int min, int max, int absent) {
        if (value == null) {
            return absent;
        }
        if (value.isEmpty() || value.length() > 9 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidValueException(name, name + " must be a whole number from " + min + " to " + max + ", got '"
                    + ValueObjects.abbreviate(value) + "'");
        }
        int number = Integer.parseInt(value);
        if (number < min || number > max) {
            throw new InvalidValueException(name, name + " must be a whole number from " + min + " to " + max + ", got '"
                    + value + "'");
        }
        return number;
    }
}
