package de.efa.registry.command.retirement;

import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.ServiceVersion;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Lets the answer to a retirement wait for the adoptions it moves. The retirement process moves them right after the
 * version is retired, on its own thread (on whichever instance holds its token); without waiting, the client's
 * {@code Registry-Position} would cover the retirement but not the moves, and a read with it could still show the
 * adoptions on the retired version.
 */
@Component
public class RetirementMoves {

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final RetirementLedger ledger;

    RetirementMoves(RetirementLedger ledger) {
        this.ledger = ledger;
    }

    /**
     * Waits until the process has moved the adoptions of the retired version, at most {@code patience}.
     *
     * @return whether it did in time (if not, the moves still follow; only the answer did not wait for them)
     */
    public boolean awaitMoved(ServiceId serviceId, ServiceVersion version, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!ledger.hasMoved(serviceId, version)) {
            if (System.nanoTime() - deadline >= 0 || Thread.currentThread().isInterrupted()) {
                return false;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        return true;
    }
}
