package de.efa.registry.command.web;

import de.efa.registry.command.axon.CommandSender;
import de.efa.registry.command.axon.Sent;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Sends many independent commands (one per municipality: an import, a bulk adoption) on a few worker threads. Each
 * is a round trip to the store, so a little concurrency hides latency even on two cores. Workers have no security
 * context, so the caller's metadata (principal) travels with every command explicitly.
 */
@Component
public class CommandFanOut implements DisposableBean {

    /**
     * A command makes about nine store round trips one after the other, so each worker waits most of its time: with
     * the journaled embedded store on two cores, the fourth to eighth nationwide bulk requests on a fresh registry ran
     * at 930–1,080/s with four workers and 980–1,380/s with eight (BENCHMARKS.md, "Germany in a box").
     */
    private static final int WORKERS = 8;

    private final CommandSender commands;
    private final ExecutorService workers;

    public CommandFanOut(CommandSender commands) {
        this.commands = commands;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(WORKERS, r -> {
            Thread t = new Thread(r, "command-fan-out-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** What became of one item: failure is null when its command succeeded. */
    public record Outcome<T>(T item, RuntimeException failure) {
    }

    /**
     * Told of every item once its command is answered (succeeded or refused), on the worker that sent it: long work
     * reports how far it got. Passed in rather than kept per thread, since the items are sent from the workers.
     */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = () -> { };

        void itemDone();

        /** The last position a worker's commands stored, told once per worker when its share is sent. */
        default void stored(long position) {
        }
    }

    public <T> List<Outcome<T>> send(List<T> items, Function<T, Object> toCommand, MetaData metaData) {
        return send(items, toCommand, metaData, Progress.NONE);
    }

    public <T> List<Outcome<T>> send(List<T> items, Function<T, Object> toCommand, MetaData metaData, Progress progress) {
        List<Future<Slice<T>>> parts = new ArrayList<>();
        int chunk = Math.max(1, (items.size() + WORKERS - 1) / WORKERS);
        for (int from = 0; from < items.size(); from += chunk) {
            List<T> slice = items.subList(from, Math.min(items.size(), from + chunk));
            parts.add(workers.submit(() -> sendAll(slice, toCommand, metaData, progress)));
        }
        List<Outcome<T>> outcomes = new ArrayList<>(items.size());
        try {
            for (Future<Slice<T>> part : parts) {
                Slice<T> slice = part.get();
                outcomes.addAll(slice.outcomes());
                progress.stored(slice.lastPosition());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending commands", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a command worker failed", e.getCause());
        }
        return outcomes;
    }

    private record Slice<T>(List<Outcome<T>> outcomes, long lastPosition) {
    }

    private <T> Slice<T> sendAll(List<T> slice, Function<T, Object> toCommand, MetaData metaData, Progress progress) {
        List<Outcome<T>> outcomes = new ArrayList<>(slice.size());
        long lastPosition = -1L;
        for (T item : slice) {
            try {
                Object command = toCommand.apply(item);
                // sent again if it lost a race for its aggregate (ConcurrencyRetry)
                Sent<Object> sent = commands.send(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
                lastPosition = Math.max(lastPosition, sent.lastPosition());
                outcomes.add(new Outcome<>(item, null));
            } catch (RuntimeException e) {
                outcomes.add(new Outcome<>(item, e));
            }
            progress.itemDone();
        }
        return new Slice<>(outcomes, lastPosition);
    }

    @Override
    public void destroy() {
        workers.shutdownNow();
    }
}
