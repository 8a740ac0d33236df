package org.sapere.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** Search on a real PostgreSQL: stemming per language, typos, prefixes, ranking, facets, pages and snippets. */
@Tag("db")
@SpringBootTest
@AutoConfigureMockMvc
class CatalogSearchTests {

    @Autowired
    Catalog catalog;

    @Autowired
    MockMvc mvc;

    @Autowired
    org.sapere.identity.IdentityDirectory identity;

    @Autowired
    org.sapere.course.CourseAuthoring courses;

    @Autowired
    org.sapere.enrolment.Registrar registrar;

    @BeforeEach
    void demoCoursesAreListed() {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> catalog.search(CatalogQuery.everything()).size() >= 9);
    }

    private List<String> slugs(String text, Locale reader) {
        return catalog.find(query(text), reader).hits().stream()
                .map(h -> h.entry().slug())
                .toList();
    }

    private static CatalogQuery query(String text) {
        return new CatalogQuery(text, null, null, null);
    }

    @Test
    void anInflectedItalianWordFindsTheItalianCourseByItsStem() {
        // "progettazione" and "progetto" are not in the course's title or summary; "progetti" is: all stem to progett.
        assertThat(slugs("progettazione", Locale.ENGLISH)).startsWith("gestione-agile-dei-progetti");
        assertThat(slugs("progetto", Locale.ITALIAN)).startsWith("gestione-agile-dei-progetti");
    }

    @Test
    void aMisspeltWordFindsTheCourse() {
        assertThat(slugs("managment", Locale.ENGLISH)).startsWith("project-management-essentials");
        assertThat(slugs("machne lerning", Locale.ENGLISH)).startsWith("machine-learning-foundations");
    }

    @Test
    void aPrefixFindsWholeWords() {
        assertThat(slugs("negotia", Locale.ENGLISH)).startsWith("negotiation-and-influence");
    }

    @Test
    void excludedWordsAreLeftOut() {
        assertThat(slugs("management -agile", Locale.ENGLISH))
                .contains("project-management-essentials")
                .doesNotContain("gestione-agile-dei-progetti");
    }

    @Test
    void titleMatchesRankAboveMatchesElsewhere() {
        var found = slugs("intelligence", Locale.ENGLISH);
        assertThat(found.indexOf("intelligenza-artificiale-per-tutti")).isGreaterThanOrEqualTo(0);
        assertThat(slugs("Responsible", Locale.ENGLISH)).startsWith("responsible-ai-in-practice");
    }

    @Test
    void facetsCountTheWholeResultAndIgnoreTheirOwnFilter() {
        var italian = new CatalogQuery(
                null, List.of(), List.of(), List.of("it"), List.of(), List.of(), CatalogQuery.Sort.RELEVANCE, 1);
        var page = catalog.find(italian, Locale.ENGLISH);
        assertThat(page.total()).isEqualTo(2);
        assertThat(page.facets().languages())
                .extracting(CatalogPage.Count::value)
                .contains("en", "it", "de");
        assertThat(page.facets().universities()).containsExactly(new CatalogPage.Count("polimi", 2));
        assertThat(page.facets().efforts()).isNotEmpty();
        assertThat(page.facets().levels()).extracting(CatalogPage.Count::count).containsOnly(1L);
    }

    @Test
    void severalValuesOfOneFilterMeanAnyOfThem() {
        var italianOrGerman = new CatalogQuery(
                null, List.of(), List.of(), List.of("it", "de"), List.of(), List.of(), CatalogQuery.Sort.RELEVANCE, 1);
        assertThat(catalog.find(italianOrGerman, Locale.ENGLISH).hits())
                .extracting(h -> h.entry().slug())
                .containsExactlyInAnyOrder(
                        "gestione-agile-dei-progetti",
                        "intelligenza-artificiale-per-tutti",
                        "nachhaltige-energiesysteme");
    }

    @Test
    void enrolmentsCountTowardsPopularity() {
        var learner = identity.accountByEmail("learner033@learners.sapere.test").orElseThrow();
        var course =
                courses.outlineBySlug("circular-product-design").orElseThrow().id();
        registrar.unenrol(learner, course);
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> listed("circular-product-design") == registrar.enrolmentCount(course));
        var before = listed("circular-product-design");
        registrar.enrol(learner, course);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> listed("circular-product-design") == before + 1);
        registrar.unenrol(learner, course);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> listed("circular-product-design") == before);
    }

    private int listed(String slug) {
        // With words, so that the few seconds' cache of browsing pages does not answer.
        var popular = new CatalogQuery(
                "circular", List.of(), List.of(), List.of(), List.of(), List.of(), CatalogQuery.Sort.POPULAR, 1);
        return catalog.find(popular, Locale.ENGLISH).hits().stream()
                .filter(h -> h.entry().slug().equals(slug))
                .findFirst()
                .map(h -> h.entry().enrolments())
                .orElse(-1);
    }

    @Test
    void resultsComeInPagesInTheChosenOrder() {
        var newest = new CatalogQuery(
                null, List.of(), List.of(), List.of(), List.of(), List.of(), CatalogQuery.Sort.NEWEST, 1);
        var first = catalog.find(newest, Locale.ENGLISH);
        var second = catalog.find(newest.withPage(2), Locale.ENGLISH);
        assertThat(first.hits()).hasSize(Catalog.PAGE_SIZE < 9 ? Catalog.PAGE_SIZE : 9);
        assertThat(first.total()).isGreaterThanOrEqualTo(9);
        assertThat(first.hits())
                .extracting(h -> h.entry().listedAt())
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(second.hits()).hasSize((int) Math.max(0, first.total() - Catalog.PAGE_SIZE));
    }

    @Test
    void snippetsMarkTheMatchedWordsAndHoldPlainText() {
        var hit = catalog.find(query("progetti"), Locale.ITALIAN).hits().getFirst();
        assertThat(hit.snippet().hasMatch()).isTrue();
        assertThat(hit.title().parts())
                .containsExactly(new Snippet.Part("Gestione agile dei ", false), new Snippet.Part("progetti", true));
        assertThat(hit.snippet().parts().stream().map(Snippet.Part::text).reduce("", String::concat))
                .isNotEqualTo(hit.entry().title());
        var snippet = Snippet.parse("a <b>" + Snippet.START + "x&y" + Snippet.STOP + " c");
        assertThat(snippet.parts())
                .containsExactly(
                        new Snippet.Part("a <b>", false), new Snippet.Part("x&y", true), new Snippet.Part(" c", false));
    }

    @Test
    void theCataloguePageEscapesTextAndMarksMatches() throws Exception {
        var html = mvc.perform(get("/courses").param("q", "managment").param("level", "BEGINNER"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html).contains("<mark>Management</mark>").contains("name=\"level\" value=\"BEGINNER\" checked");
        var hostile = mvc.perform(get("/courses").param("q", "<script>alert(1)</script>"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(hostile).doesNotContain("<script>alert(1)").contains("&lt;script&gt;alert(1)");
    }

    @Test
    void oddInputNeverBreaksTheCataloguePage() throws Exception {
        for (var text : List.of("{\"a\":", "{0}", "'{'", "a '' b", "%s", "\u0000")) {
            var status = mvc.perform(get("/courses").param("q", text).param("subject", text))
                    .andReturn()
                    .getResponse()
                    .getStatus();
            assertThat(status).as(text).isLessThan(500);
        }
    }

    @Test
    void punctuationAndOperatorsAloneNeverFail() {
        for (var text : List.of("!!!", "\"", "-", "or", "a & b | c", "(x", "'", ":*", "\\", "   -x")) {
            assertThat(catalog.find(query(text), Locale.GERMAN)).as(text).isNotNull();
        }
    }
}
