package org.sapere.identity.domain;

import com.nulabinc.zxcvbn.Zxcvbn;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Passwords per NIST SP 800-63B-4: at least 15 characters while the password is the only factor, at most 128, no
 * composition rules, and not easy to guess (zxcvbn's dictionaries of common passwords, names and words, and the
 * person's own name and address).
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 15;
    public static final int MAX_LENGTH = 128;
    private static final int MIN_SCORE = 3;

    private final Zxcvbn zxcvbn = new Zxcvbn();

    /** Why the password is refused, as message keys with their arguments; empty if it is accepted. */
    public List<Refusal> check(String password, List<String> personalWords, Locale locale) {
        var refusals = new ArrayList<Refusal>();
        var length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            refusals.add(new Refusal("password.tooShort", MIN_LENGTH, ""));
            return refusals;
        }
        if (length > MAX_LENGTH) {
            refusals.add(new Refusal("password.tooLong", MAX_LENGTH, ""));
            return refusals;
        }
        var strength = zxcvbn.measure(password, personalWords);
        if (strength.getScore() < MIN_SCORE) {
            var warning = strength.getFeedback().getWarning(locale);
            refusals.add(new Refusal("password.tooGuessable", 0, warning == null ? "" : warning));
        }
        return refusals;
    }

    /** A reason, with the message key, a number and zxcvbn's own hint (may be empty). */
    public record Refusal(String key, int number, String hint) {}
}
