package de.efa.registry.query.web;

import de.efa.registry.kernel.common.InvalidValueException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** {@code ?page=0&size=50} of every list (size at most 500), and the page of a list it cuts out. */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 500;

    public PageRequest {
        if (page < 0) {
            throw new InvalidValueException("page", "page must not be negative");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidValueException("size", "size must be between 1 and " + MAX_SIZE);
        }
    }

    public static PageRequest of(Integer page, Integer size) {
        return new PageRequest(page == null ? 0 : page, size == null ? 50 : size);
    }

    public <T> Map<String, Object> cut(List<T> all, Function<T, ?> toItem) {
        long from = Math.min((long) page * size, all.size());
        long to = Math.min(from + size, all.size());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", all.subList((int) from, (int) to).stream().map(toItem).toList());
        body.put("page", page);
        body.put("size", size);
        body.put("total", all.size());
        return body;
    }
}
