package de.efa.registry.query.fitconnect;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** One page of areas: {@code count} of them from {@code offset} on, of {@code totalCount} found. */
@Schema(name = "FitConnectAreaResult")
record AreaResult(int count, int offset, int totalCount, List<Area> areas) {

    static AreaResult page(List<Area> all, int offset, int limit) {
        int from = Math.min(offset, all.size());
        int to = (int) Math.min((long) from + limit, all.size());
        List<Area> areas = all.subList(from, to);
        return new AreaResult(areas.size(), offset, all.size(), List.copyOf(areas));
    }
}
