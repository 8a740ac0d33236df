package org.sapere.course;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sapere.course.domain.MarkdownRenderer;

class MarkdownRendererTests {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void rendersHeadingsListsAndTables() {
        var html = renderer.render("""
                # Title
                Some **bold** text.

                - one
                - two

                | a | b |
                |---|---|
                | 1 | 2 |
                """);
        assertThat(html).contains("<h2>Title</h2>", "<strong>bold</strong>", "<li>one</li>", "<table>", "<td>1</td>");
    }

    @Test
    void neverLetsScriptsOrHandlersThrough() {
        var html = renderer.render("""
                <script>alert(1)</script>

                <img src=x onerror=alert(2)>

                [click](javascript:alert(3))
                """);
        assertThat(html).doesNotContain("<script", "<img", "href=\"javascript");
        assertThat(html).contains("&lt;script&gt;");
    }
}
