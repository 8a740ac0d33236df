package org.sapere.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** What crawlers and link previews read: JSON-LD, OpenGraph, canonical links, the sitemap, university pages. */
@Tag("db")
@SpringBootTest
@AutoConfigureMockMvc
class PublicPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Catalog catalog;

    @BeforeEach
    void demoCoursesAreListed() {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> catalog.search(CatalogQuery.everything()).size() >= 9);
    }

    private String html(String path) throws Exception {
        var response = mvc.perform(get(path)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString();
    }

    @Test
    void aCoursePageDescribesItselfToCrawlers() throws Exception {
        var html = html("/courses/project-management-essentials");
        assertThat(html)
                .contains("<link rel=\"canonical\" href=\"http://localhost/courses/project-management-essentials\">")
                .contains("<meta property=\"og:title\" content=\"Project Management Essentials\">")
                .contains("<script type=\"application/ld+json\">");
        var json = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL)
                .matcher(html);
        assertThat(json.find()).isTrue();
        assertThat(json.group(1))
                .contains("\"@type\":\"Course\"")
                .contains("\"name\":\"Project Management Essentials\"")
                .contains("\"@type\":\"CollegeOrUniversity\"")
                .doesNotContain("<")
                .doesNotContain(">");
    }

    @Test
    void theSitemapListsTheCatalogueCoursesAndUniversities() throws Exception {
        var response = mvc.perform(get("/sitemap.xml")).andReturn().getResponse();
        assertThat(response.getContentType()).startsWith("application/xml");
        assertThat(response.getContentAsString())
                .contains("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">")
                .contains("<loc>http://localhost/courses</loc>")
                .contains("<loc>http://localhost/courses/gestione-agile-dei-progetti</loc>")
                .contains("<loc>http://localhost/universities/polimi</loc>")
                .contains("<lastmod>");
    }

    @Test
    void aUniversityPageListsItsCoursesAndProfessors() throws Exception {
        var html = html("/universities/polimi");
        assertThat(html)
                .contains("<h1>Politecnico di Milano</h1>")
                .contains("href=\"/courses/gestione-agile-dei-progetti\"")
                .contains("Chiara Rossi");
        assertThat(mvc.perform(get("/universities/nowhere"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }
}
