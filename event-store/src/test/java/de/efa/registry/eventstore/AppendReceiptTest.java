package de.efa.registry.eventstore;

import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** The receipt of a unit of work holds the highest position appended in it, or -1 when nothing was. */
class AppendReceiptTest {

    @Test
    void nothingAppendedIsMinusOne() {
        assertThat(new AppendReceipt().lastPosition()).isEqualTo(-1L);
    }

    @Test
    void theHighestPositionIsKeptEvenIfALowerOneComesLater() {
        AppendReceipt receipt = new AppendReceipt();
        receipt.note(7);
        receipt.note(3);
        assertThat(receipt.lastPosition()).isEqualTo(7L);
        receipt.note(9);
        assertThat(receipt.lastPosition()).isEqualTo(9L);
    }

    @Test
    void theEngineNotesOnTheReceiptOfTheCurrentUnitOfWorkOnly() {
        AppendReceipt receipt = new AppendReceipt();
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.resources().put(AppendReceipt.RESOURCE, receipt);
        AppendReceipt.noteInCurrentUnitOfWork(12);
        // another thread has no unit of work (or another one): nothing of it lands on this receipt
        CompletableFuture.runAsync(() -> AppendReceipt.noteInCurrentUnitOfWork(99)).join();
        unitOfWork.commit();
        AppendReceipt.noteInCurrentUnitOfWork(50);

        assertThat(receipt.lastPosition()).isEqualTo(12L);
    }

    @Test
    void aUnitOfWorkThatAskedForNoReceiptIsLeftAlone() {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        AppendReceipt.noteInCurrentUnitOfWork(12);
        assertThat(unitOfWork.resources()).doesNotContainKey(AppendReceipt.RESOURCE);
        unitOfWork.commit();
    }
}
