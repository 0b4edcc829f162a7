package de.efa.registry.command.service.linkcheck;

import de.efa.registry.kernel.service.OnlineStatus;

/** What one probe of a version's URL saw: the status it means and a short detail for the event (an HTTP status, a timeout). */
record ProbeResult(OnlineStatus status, String detail) {

    static ProbeResult answered(int httpStatus, String method) {
        // 2xx and the 3xx left over after following redirects (e.g. https → http, which the client does not follow)
        OnlineStatus status = httpStatus >= 200 && httpStatus < 400 ? OnlineStatus.OK : OnlineStatus.NOT_OK;
        return new ProbeResult(status, method + " answered HTTP " + httpStatus);
    }

    static ProbeResult failed(String detail) {
        return new ProbeResult(OnlineStatus.NOT_OK, detail);
    }
}
