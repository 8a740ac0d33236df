package org.sapere.course.domain;

import org.springframework.stereotype.Component;

/**
 * Turns professors' Markdown into HTML that is safe to show: raw HTML in the source is escaped, and the result
 * passes an allow-list sanitiser; see {@link org.sapere.shared.Markdown}.
 */
@Component
public class MarkdownRenderer {

    public String render(String markdown) {
        return org.sapere.shared.Markdown.html(markdown);
    }
}
