package de.efa.registry.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The write side alone: aggregates, rules, processes and the admin REST API, on an external MongoDB. */
@SpringBootApplication(scanBasePackages = {"de.efa.registry.command", "de.efa.registry.platform"})
public class CommandSideApplication {

    public static void main(String[] args) {
        SpringApplication.run(CommandSideApplication.class, args);
    }
}
