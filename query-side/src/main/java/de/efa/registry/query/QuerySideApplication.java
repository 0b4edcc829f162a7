package de.efa.registry.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The read side alone: projections, query, statistics and audit APIs, the dashboard, on an external MongoDB. */
@SpringBootApplication(scanBasePackages = {"de.efa.registry.query", "de.efa.registry.platform"})
public class QuerySideApplication {

    public static void main(String[] args) {
        SpringApplication.run(QuerySideApplication.class, args);
    }
}
