package org.sapere.assessment.domain;

/**
 * A question of one of the types Sapere offers. Items are immutable: an edit makes a new version (same id, version
 * plus one), so a learner's attempt always refers to the item exactly as it was asked. Each type checks itself when
 * built and throws {@link InvalidItemException} when it could not be asked or scored.
 */
public sealed interface Item
        permits SingleChoice,
                MultipleResponse,
                TrueFalse,
                Numeric,
                ShortText,
                FillInTheBlanks,
                Ordering,
                Matching,
                Essay {

    ItemInfo info();

    /** This item with other common fields, its type-specific content unchanged. */
    Item withInfo(ItemInfo info);

    /** This item as its next version, to be edited further and saved beside the current one. */
    default Item nextVersion() {
        return withInfo(info().nextVersion());
    }
}
