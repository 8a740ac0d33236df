package org.sapere.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import org.sapere.shared.web.PageContext;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** The interface language (Accept-Language, or the switch, remembered in a cookie) and the message bundles. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    /**
     * One message source over every module's bundle: {@code i18n/<module>/messages*.properties}. Modules add their
     * own folder instead of editing a shared file.
     */
    @Bean
    MessageSource messageSource() {
        var source = new ReloadableResourceBundleMessageSource();
        source.setBasenames(moduleBundles());
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setCacheMillis(-1);
        // Every message is a MessageFormat, so translators write an apostrophe as '' everywhere, not only where there
        // are arguments.
        source.setAlwaysUseMessageFormat(true);
        return new FormattedMessageCache(source);
    }

    static String[] moduleBundles() {
        try {
            var resources =
                    new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*/messages.properties");
            return Arrays.stream(resources)
                    .map(r -> {
                        try {
                            var uri = r.getURI().toString();
                            return "classpath:"
                                    + uri.substring(uri.lastIndexOf("i18n/"), uri.length() - ".properties".length());
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .distinct()
                    .sorted()
                    .toArray(String[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Bean
    LocaleResolver localeResolver() {
        var resolver = new CookieLocaleResolver("sapere-lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(request -> {
            var requested = request.getHeader("Accept-Language");
            if (requested == null || requested.isBlank()) {
                return Locale.ENGLISH;
            }
            try {
                var match = Locale.lookup(Locale.LanguageRange.parse(requested), PageContext.LANGUAGES);
                return match == null ? Locale.ENGLISH : match;
            } catch (IllegalArgumentException e) {
                return Locale.ENGLISH;
            }
        });
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var change = new LocaleChangeInterceptor() {
            @Override
            public boolean preHandle(
                    jakarta.servlet.http.HttpServletRequest request,
                    jakarta.servlet.http.HttpServletResponse response,
                    Object handler)
                    throws jakarta.servlet.ServletException {
                var lang = request.getParameter(getParamName());
                if (lang != null
                        && PageContext.LANGUAGES.stream()
                                .noneMatch(l -> l.getLanguage().equals(lang))) {
                    return true; // an unknown language is ignored, not an error
                }
                return super.preHandle(request, response, handler);
            }
        };
        change.setParamName("lang");
        registry.addInterceptor(change);
    }
}
