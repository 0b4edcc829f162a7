package de.efa.registry.query.statistics;

import de.efa.registry.query.register.StatisticsContributions;
import com.mongodb.client.MongoDatabase;
import de.efa.registry.kernel.service.ReuseModel;
import de.efa.registry.query.QuerySideTestBase;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cross-border statistics keep one document per providing state, district and service, with a field per
 * municipality that actively adopts the service (not a list of services per municipality, which grew with every
 * service adopted). The matrix counts distinct services and adoptions from them; an ended adoption leaves it.
 */
@SuppressWarnings("unchecked")
class CrossBorderPerServiceTest extends QuerySideTestBase {

    private static String wohngeld;
    private static String elterngeld;
    private static long last;

    @Autowired
    MongoDatabase database;

    @BeforeEach
    void register() {
        if (wohngeld != null) {
            return;
        }
        history.municipality("16051000", "Erfurt, Stadt", 214_969);
        history.municipality("16061001", "Am Ohmberg", 5_000);
        history.municipality("16061002", "Arenshausen", 1_000);
        history.municipality("09162000", "München, Landeshauptstadt", 1_512_491);
        wohngeld = history.service("99123456789012", "Wohngeld", "09", ReuseModel.EFA);
        elterngeld = history.service("99123456789013", "Elterngeld", "09", ReuseModel.EFA);
        history.publish(wohngeld, "1.0.0", 3, LocalDate.of(2023, 1, 1));
        history.publish(elterngeld, "1.0.0", 3, LocalDate.of(2023, 1, 1));
        history.adopt("16051000", wohngeld, "1.0.0", "09", LocalDate.of(2023, 3, 1));
        history.adopt("16061001", wohngeld, "1.0.0", "09", LocalDate.of(2023, 3, 1));
        history.adopt("16061001", elterngeld, "1.0.0", "09", LocalDate.of(2023, 3, 1));
        String ended = history.adopt("16061002", elterngeld, "1.0.0", "09", LocalDate.of(2023, 3, 1));
        history.adopt("09162000", elterngeld, "1.0.0", "09", LocalDate.of(2023, 3, 1));
        last = history.end("16061002", ended, elterngeld, LocalDate.of(2023, 5, 1));
    }

    @Test
    void theMatrixCountsDistinctServicesAndActiveAdoptionsAcrossTheBorder() {
        assertThat((List<Map<String, Object>>) body("/api/v1/stats/cross-border", last).get("rows")).containsExactly(
                Map.of("providingState", "09", "adoptingState", "16", "services", 2, "adoptions", 3,
                        "population", 214_969 + 5_000 + 5_000, "planned", 0, "populationPlanned", 0));
    }

    @Test
    void aMunicipalityIsAFieldOfItsDistrictsDocumentPerService() {
        body("/api/v1/stats/cross-border", last);
        assertThat(municipalities("09|16051|" + wohngeld)).containsExactly("g16051000");
        assertThat(municipalities("09|16061|" + wohngeld)).containsExactly("g16061001");
        // the ended adoption's field keeps the days it served (it counts for them), the other municipality stays
        assertThat(municipalities("09|16061|" + elterngeld)).containsExactlyInAnyOrder("g16061001", "g16061002");
        // an adoption within the providing state is not across a border
        assertThat(database.getCollection("register_v1_" + StatisticsContributions.CROSS_BORDER)
                .countDocuments(new Document("_id", new Document("$regex", "^09\\|09")))).isZero();
    }

    private List<String> municipalities(String id) {
        Document document = database.getCollection("register_v1_" + StatisticsContributions.CROSS_BORDER)
                .find(new Document("_id", id)).first();
        assertThat(document).as(id).isNotNull();
        return List.copyOf(document.get("m", Document.class).keySet());
    }
}
