package de.efa.registry.command.lookup;

import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.service.LeikaKey;
import de.efa.registry.kernel.service.ServiceId;

/**
 * One service per LeiKa key and providing state, race-free: a registration first claims {@code state/leika}
 * (a unique document), and only the winner's command goes on to store its event.
 */
public interface LeikaKeyClaims {

    /** @throws de.efa.registry.kernel.common.Conflict when another service holds the key */
    void claim(StateCode state, LeikaKey leikaKey, ServiceId serviceId);

    /** Gives a claim back when the registration that took it failed. */
    void release(StateCode state, LeikaKey leikaKey, ServiceId serviceId);

    /** The registration was stored: the claim is permanent. */
    void confirm(StateCode state, LeikaKey leikaKey, ServiceId serviceId);
}
