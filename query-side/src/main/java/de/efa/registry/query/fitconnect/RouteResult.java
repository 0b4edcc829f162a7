package de.efa.registry.query.fitconnect;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** One page of routes: {@code count} of them from {@code offset} on, of {@code totalCount} in all. */
@Schema(name = "FitConnectRouteResult")
record RouteResult(int count, int offset, int totalCount, List<Route> routes) {

    static RouteResult page(List<Route> all, int offset, int limit) {
        int from = Math.min(offset, all.size());
        int to = (int) Math.min((long) from + limit, all.size());
        List<Route> routes = all.subList(from, to);
        return new RouteResult(routes.size(), offset, all.size(), List.copyOf(routes));
    }
}
