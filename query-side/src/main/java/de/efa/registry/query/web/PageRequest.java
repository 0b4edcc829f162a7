package de.efa.registry.query.web;

import de.efa.registry.kernel.common.InvalidValueException;

import java.util.List;
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

    public <T, R> Page<R> cut(List<T> all, Function<T, R> toItem) {
        long from = Math.min((long) page * size, all.size());
        long to = Math.min(from + size, all.size());
        return new Page<>(all.subList((int) from, (int) to).stream().map(toItem).toList(), page, size, all.size());
    }
}
