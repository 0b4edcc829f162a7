package de.efa.registry.command.job;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler of long work that runs as a job when the client sends {@code Prefer: respond-async}: the API
 * document then names its 202 with the job's Location and its 503 when the instance runs as many jobs as it takes
 * ({@link JobDocumentation}), in one place for every such handler.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface MayRunAsJob {
}
