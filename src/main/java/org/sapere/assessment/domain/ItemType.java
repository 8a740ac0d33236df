package org.sapere.assessment.domain;

/** The item types, with the names used in addresses, forms and storage. */
public enum ItemType {
    SINGLE_CHOICE("single-choice"),
    MULTIPLE_RESPONSE("multiple-response"),
    TRUE_FALSE("true-false"),
    NUMERIC("numeric"),
    SHORT_TEXT("short-text"),
    FILL_IN_THE_BLANKS("fill-in-the-blanks"),
    ORDERING("ordering"),
    MATCHING("matching"),
    ESSAY("essay");

    private final String slug;

    ItemType(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    public static ItemType of(Item item) {
        return switch (item) {
            case SingleChoice i -> SINGLE_CHOICE;
            case MultipleResponse i -> MULTIPLE_RESPONSE;
            case TrueFalse i -> TRUE_FALSE;
            case Numeric i -> NUMERIC;
            case ShortText i -> SHORT_TEXT;
            case FillInTheBlanks i -> FILL_IN_THE_BLANKS;
            case Ordering i -> ORDERING;
            case Matching i -> MATCHING;
            case Essay i -> ESSAY;
        };
    }

    /** The type named {@code slug}, or null. */
    public static @org.jspecify.annotations.Nullable ItemType bySlug(String slug) {
        for (var type : values()) {
            if (type.slug.equals(slug)) {
                return type;
            }
        }
        return null;
    }
}
