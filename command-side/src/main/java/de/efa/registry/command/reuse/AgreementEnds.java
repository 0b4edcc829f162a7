package de.efa.registry.command.reuse;

import de.efa.registry.kernel.reuse.AgreementId;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Lets the answer to a termination wait for the adoptions it ends, as a retirement's answer waits for its moves: the
 * process ends them on its own thread, and without waiting the client's {@code Registry-Position} would not cover them.
 */
@Component
public class AgreementEnds {

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final AgreementLedger ledger;

    AgreementEnds(AgreementLedger ledger) {
        this.ledger = ledger;
    }

    /** @return whether the process ended the agreement's adoptions within {@code patience} (they follow anyway) */
    public boolean awaitEnded(AgreementId agreementId, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!ledger.isDone(agreementId)) {
            if (System.nanoTime() - deadline >= 0 || Thread.currentThread().isInterrupted()) {
                return false;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        return true;
    }
}
