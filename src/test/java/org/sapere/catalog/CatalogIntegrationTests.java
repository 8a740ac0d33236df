package org.sapere.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The catalogue's listing, built from CoursePublished events, searched on a real PostgreSQL. */
@Tag("db")
@SpringBootTest
class CatalogIntegrationTests {

    @Autowired
    Catalog catalog;

    private java.util.List<String> slugs(CatalogQuery query) {
        return catalog.search(query).stream().map(CatalogEntry::slug).toList();
    }

    @Test
    void everyDemoCourseIsListed() {
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(slugs(new CatalogQuery(null, null, null, null)))
                        .hasSizeGreaterThanOrEqualTo(8)
                        .contains("project-management-essentials", "gestione-agile-dei-progetti"));
    }

    @Test
    void searchFindsCoursesByWordsInTitleSummaryAndSubject() {
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(slugs(new CatalogQuery("project management", null, null, null)))
                    .startsWith("project-management-essentials")
                    .contains("gestione-agile-dei-progetti");
            assertThat(slugs(new CatalogQuery("Energiesysteme", null, null, null)))
                    .containsExactly("nachhaltige-energiesysteme");
            assertThat(slugs(new CatalogQuery("100% _ \\", null, null, null))).isEmpty();
        });
    }

    @Test
    void filtersBySubjectUniversityAndLanguage() {
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(slugs(new CatalogQuery(null, "artificial-intelligence", null, null)))
                    .contains("machine-learning-foundations", "intelligenza-artificiale-per-tutti")
                    .doesNotContain("project-management-essentials");
            assertThat(slugs(new CatalogQuery(null, null, "polimi", "it")))
                    .containsExactlyInAnyOrder("gestione-agile-dei-progetti", "intelligenza-artificiale-per-tutti");
        });
    }
}
