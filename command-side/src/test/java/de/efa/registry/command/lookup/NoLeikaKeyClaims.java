package de.efa.registry.command.lookup;

import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.service.LeikaKey;
import de.efa.registry.kernel.service.ServiceId;

/** Claims that hold nothing back, for tests of the write-side lookup alone; counts the confirmations it is asked for. */
final class NoLeikaKeyClaims implements LeikaKeyClaims {

    int confirmed;

    @Override
    public void claim(StateCode state, LeikaKey leikaKey, ServiceId serviceId) {
    }

    @Override
    public void release(StateCode state, LeikaKey leikaKey, ServiceId serviceId) {
    }

    @Override
    public void confirm(StateCode state, LeikaKey leikaKey, ServiceId serviceId) {
        confirmed++;
    }
}
