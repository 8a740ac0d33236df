package org.sapere.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;

/**
 * Remembers formatted messages whose arguments are plain numbers and strings. {@code MessageFormat} builds a new
 * number format for every numeric argument, which made message lookups a tenth of a page's time; the bundles do
 * not change while the application runs, so a formatted message never goes stale.
 */
final class FormattedMessageCache implements MessageSource {

    private static final int MAX_ENTRIES = 20_000;

    private final MessageSource delegate;
    private final ConcurrentHashMap<Key, String> formatted = new ConcurrentHashMap<>();

    FormattedMessageCache(MessageSource delegate) {
        this.delegate = delegate;
    }

    private record Key(
            String code,
            Locale locale,
            List<Object> args,
            @Nullable String defaultMessage) {}

    @Override
    public @Nullable String getMessage(
            String code, Object @Nullable [] args, @Nullable String defaultMessage, Locale locale) {
        if (!cacheable(args)) {
            return delegate.getMessage(code, args, defaultMessage, locale);
        }
        var key = new Key(code, locale, args == null ? List.of() : Arrays.asList(args), defaultMessage);
        var hit = formatted.get(key);
        if (hit != null) {
            return hit;
        }
        var message = delegate.getMessage(code, args, defaultMessage, locale);
        if (message != null) {
            if (formatted.size() >= MAX_ENTRIES) {
                formatted.clear();
            }
            formatted.put(key, message);
        }
        return message;
    }

    @Override
    public String getMessage(String code, Object @Nullable [] args, Locale locale) throws NoSuchMessageException {
        return delegate.getMessage(code, args, locale);
    }

    @Override
    public String getMessage(MessageSourceResolvable resolvable, Locale locale) throws NoSuchMessageException {
        return delegate.getMessage(resolvable, locale);
    }

    private static boolean cacheable(Object @Nullable [] args) {
        if (args == null) {
            return true;
        }
        for (var arg : args) {
            if (!(arg instanceof Integer || arg instanceof Long || arg instanceof String)) {
                return false;
            }
        }
        return true;
    }
}
