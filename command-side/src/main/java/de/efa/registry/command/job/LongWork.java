package de.efa.registry.command.job;

import de.efa.registry.command.web.CommandFanOut;

import java.util.function.Function;

/**
 * Work of many commands, planned and checked on the request thread (a refusal is answered at once) and carried out
 * later — right away on the same thread, or as a job — telling its progress item by item.
 *
 * @param description what the progress lines name, e.g. "Bulk adoption of service … 1.0.0 by thueringen"
 * @param total       the number of commands it sends
 */
public record LongWork<T>(JobKind kind, String description, int total, Function<CommandFanOut.Progress, T> work) {

    T carryOut(CommandFanOut.Progress progress) {
        return work.apply(progress);
    }
}
