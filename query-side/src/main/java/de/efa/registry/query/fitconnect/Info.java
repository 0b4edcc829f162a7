package de.efa.registry.query.fitconnect;

import io.swagger.v3.oas.annotations.media.Schema;

/** Which version of the Routing API this registry answers. */
@Schema(name = "FitConnectInfo")
record Info(Version version) {

    /** The version of the Routing API whose contract the answers under /fit-connect/v1 keep. */
    static final Info ROUTING_API = new Info(new Version(2, 0, 0));

    @Schema(name = "FitConnectVersion")
    record Version(int major, int minor, int patch) {
    }
}
