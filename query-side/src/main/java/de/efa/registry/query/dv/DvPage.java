package de.efa.registry.query.dv;

import java.util.List;

/**
 * A page in the shape the Dashboard data API publishes, Spring Data's {@code Page} as Jackson writes it: the content,
 * where the page lies ({@code pageable}) and what the whole list holds. The rows are always sorted (by ARS, level and
 * LeiKa key, ascending or descending), so {@code sort.sorted} is true.
 */
record DvPage<T>(List<T> content, Pageable pageable, int totalPages, long totalElements, int number, int size,
                 int numberOfElements, Sort sort, boolean first, boolean last, boolean empty) {

    record Sort(boolean sorted, boolean unsorted, boolean empty) {
    }

    record Pageable(boolean paged, boolean unpaged, int pageNumber, int pageSize, long offset, Sort sort) {
    }

    /** The same page with its content mapped: only the page's rows are turned into answers. */
    <R> DvPage<R> map(java.util.function.Function<T, R> mapping) {
        return new DvPage<>(content.stream().map(mapping).toList(), pageable, totalPages, totalElements, number, size,
                numberOfElements, sort, first, last, empty);
    }

    private static final Sort SORTED = new Sort(true, false, false);

    static <T> DvPage<T> of(List<T> all, DvParameters.Paging paging) {
        long offset = (long) paging.page() * paging.size();
        int from = (int) Math.min(offset, all.size());
        int to = (int) Math.min(from + (long) paging.size(), all.size());
        List<T> content = List.copyOf(all.subList(from, to));
        int totalPages = (int) ((all.size() + (long) paging.size() - 1) / paging.size());
        return new DvPage<>(content, new Pageable(true, false, paging.page(), paging.size(), offset, SORTED), totalPages,
                all.size(), paging.page(), paging.size(), content.size(), SORTED, paging.page() == 0,
                paging.page() >= totalPages - 1, content.isEmpty());
    }
}
