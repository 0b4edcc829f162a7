package de.efa.registry.query.dv;

import de.efa.registry.query.region.Region;

/** One service in one region on one day: what a row of the Dashboard data API is made of. */
record DvRow(Region region, DvService service, String version, Coverage coverage) {
}
