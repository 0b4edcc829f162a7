package de.efa.registry.query.projection;

import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DerivedWritesTest {

    @Test
    void writesOfOneBatchToOneDocumentBecomeOneUpdateWhereTheLastWins() {
        DerivedWrites writes = new DerivedWrites();
        writes.set("stats", "09", "m.09162000", 1);
        writes.set("stats", "09", "m.09184112", 2);
        writes.unset("stats", "09", "m.09162000");
        writes.set("stats", "16", "m.16051000", 3);
        writes.put("stats", "09", "m.09184112", 4);
        writes.max("changes", "services", "p", 7L);
        writes.max("changes", "services", "p", 5L);

        List<WriteModel<Document>> stats = writes.byCollection().get("stats");
        assertThat(stats).hasSize(2);
        UpdateOneModel<Document> bavaria = (UpdateOneModel<Document>) stats.get(0);
        assertThat(bavaria.getFilter()).isEqualTo(new Document("_id", "09"));
        assertThat(update(bavaria)).isEqualTo(new Document("$set", new Document("m.09184112", 4))
                .append("$unset", new Document("m.09162000", "")));
        assertThat(bavaria.getOptions().isUpsert()).isTrue();

        UpdateOneModel<Document> changes = (UpdateOneModel<Document>) writes.byCollection().get("changes").get(0);
        assertThat(update(changes)).isEqualTo(new Document("$max", new Document("p", 7L)));
    }

    @Test
    void anUnsetAloneNeverCreatesTheDocumentAndOverlappingPathsStaySeparateUpdates() {
        DerivedWrites writes = new DerivedWrites();
        writes.unset("stats", "09", "m.09162000");
        writes.set("index", "abc", "m", new Document("x", 1));
        writes.set("index", "abc", "m.y", 2);

        UpdateOneModel<Document> unset = (UpdateOneModel<Document>) writes.byCollection().get("stats").get(0);
        assertThat(unset.getOptions().isUpsert()).isFalse();
        assertThat(writes.byCollection().get("index")).hasSize(2);
    }

    private static Bson update(UpdateOneModel<Document> model) {
        return model.getUpdate();
    }
}
