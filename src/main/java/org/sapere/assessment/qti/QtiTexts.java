package org.sapere.assessment.qti;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.sapere.assessment.domain.Item;
import org.sapere.shared.LocalizedText;

/**
 * Every text of an item in one fixed order (record components in declaration order, lists in their order, depth
 * first), to carry the languages QTI's body does not: the writer lists each text's variants in this order, and the
 * reader puts them back in the same order. Reflection over records keeps this in step with the item types as they
 * change, where a hand-written walk per type would silently miss a new text.
 */
final class QtiTexts {

    private QtiTexts() {}

    static List<LocalizedText> collect(Item item) {
        var texts = new ArrayList<LocalizedText>();
        map(item, text -> {
            texts.add(text);
            return text;
        });
        return texts;
    }

    /** The item with each text replaced, in {@link #collect} order; the item's own checks run again. */
    static Item replace(Item item, UnaryOperator<LocalizedText> replacement) {
        return (Item) map(item, replacement);
    }

    private static Object map(Object value, UnaryOperator<LocalizedText> replacement) {
        return switch (value) {
            case LocalizedText text -> replacement.apply(text);
            case Record record -> record(record, replacement);
            case List<?> list -> list.stream().map(e -> map(e, replacement)).toList();
            default -> value;
        };
    }

    private static Object record(Record record, UnaryOperator<LocalizedText> replacement) {
        var components = record.getClass().getRecordComponents();
        var types = new Class<?>[components.length];
        var values = new Object[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                var value = components[i].getAccessor().invoke(record);
                values[i] = value == null ? null : map(value, replacement);
            }
            return record.getClass().getDeclaredConstructor(types).newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
