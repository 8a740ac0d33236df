package org.sapere.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sapere.course.domain.MarkdownRenderer;

/**
 * Professors' Markdown is shown to every learner, so it goes through a sanitiser. Each of these known ways of
 * smuggling script into HTML (raw tags, event handlers, dangerous URL schemes, encodings, broken markup, CSS,
 * SVG and MathML tricks, Markdown link and image syntax) must come out harmless.
 */
class MarkdownXssTests {

    private static final MarkdownRenderer RENDERER = new MarkdownRenderer();

    private static final Pattern DANGEROUS = Pattern.compile(
            "<\\s*(script|iframe|object|embed|svg|math|style|link|meta|base|form|input|button|textarea|frame|frameset"
                    + "|applet|video|audio|source|template|details|marquee|isindex)\\b"
                    + "|\\son[a-z]+\\s*="
                    + "|\\sstyle\\s*="
                    + "|\\ssrcdoc\\s*="
                    + "|\\sformaction\\s*="
                    + "|(href|src|action|xlink:href)\\s*=\\s*[\"']?\\s*(javascript|vbscript|data|livescript|mocha):",
            Pattern.CASE_INSENSITIVE);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<script>alert(1)</script>",
                "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
                "<scr<script>ipt>alert(1)</script>",
                "<img src=x onerror=alert(1)>",
                "<img src=\"x\" onerror=\"alert(1)\" />",
                "<IMG SRC=javascript:alert('x')>",
                "<IMG SRC=JaVaScRiPt:alert('x')>",
                "<img src=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)>",
                "<img src=\"jav\tascript:alert(1);\">",
                "<img src=\" &#14;  javascript:alert(1);\">",
                "<svg onload=alert(1)>",
                "<svg><script>alert(1)</script></svg>",
                "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
                "<body onload=alert(1)>",
                "<iframe src=\"javascript:alert(1)\"></iframe>",
                "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
                "<object data=\"javascript:alert(1)\"></object>",
                "<embed src=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">",
                "<a href=\"javascript:alert(1)\">click</a>",
                "<a href=\"  javascript:alert(1)\">click</a>",
                "<a href=\"java&#x09;script:alert(1)\">click</a>",
                "<a href=\"vbscript:msgbox(1)\">click</a>",
                "<a href=\"data:text/html,<script>alert(1)</script>\">click</a>",
                "<a href=x onmouseover=alert(1)>hover</a>",
                "<div style=\"background:url(javascript:alert(1))\">x</div>",
                "<p style=\"width: expression(alert(1))\">x</p>",
                "<style>@import 'http://evil.example/x.css';</style>",
                "<link rel=stylesheet href=http://evil.example/x.css>",
                "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
                "<base href=\"javascript:alert(1)//\">",
                "<form action=javascript:alert(1)><input type=submit></form>",
                "<button formaction=javascript:alert(1)>x</button>",
                "<details open ontoggle=alert(1)>",
                "<video><source onerror=alert(1)></video>",
                "<input autofocus onfocus=alert(1)>",
                "<marquee onstart=alert(1)>x</marquee>",
                "<template><script>alert(1)</script></template>",
                "\"><script>alert(1)</script>",
                "'';!--\"<XSS>=&{()}",
                "<<SCRIPT>alert(1);//<</SCRIPT>",
                "[click](javascript:alert(1))",
                "[click](JAVASCRIPT:alert(1))",
                "[click](javascript&#58;alert(1))",
                "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
                "[click](vbscript:alert(1))",
                "![x](javascript:alert(1))",
                "![x\" onerror=\"alert(1)](http://example.org/a.png)",
                "[x](http://example.org/\" onmouseover=\"alert(1))",
                "<http://example.org/\"onmouseover=\"alert(1)>",
                "[a]: javascript:alert(1)\n\n[click][a]",
                "`<script>alert(1)</script>`",
                "```html\n<script>alert(1)</script>\n```",
                "| a |\n|---|\n| <img src=x onerror=alert(1)> |",
                "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
                "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
                "<xss onafterscriptexecute=alert(1)><script>1</script>",
            })
    void noVectorSurvivesTheSanitiser(String vector) {
        var html = RENDERER.render(vector);
        assertThat(DANGEROUS.matcher(html).find())
                .as("rendered %s as %s", vector, html)
                .isFalse();
        // Every URL the browser would follow, with its entities decoded and blanks removed as a browser would.
        var urls = Pattern.compile("\\s(href|src)=\"([^\"]*)\"").matcher(html);
        while (urls.find()) {
            var url = org.springframework.web.util.HtmlUtils.htmlUnescape(urls.group(2))
                    .replaceAll("[\\s\\p{Cntrl}]", "")
                    .toLowerCase(Locale.ROOT);
            assertThat(url).as("URL in %s", html).doesNotMatch("^(javascript|vbscript|data):.*");
        }
    }
}
