package org.sapere.assessment.qti;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.sapere.assessment.domain.Item;

/**
 * Imports the items of a QTI content package, all or nothing: when any item cannot be imported, the result lists
 * every such item with its reason and holds no items, so a bank is never half imported.
 */
public final class QtiBankImport {

    /** The items imported, or the items refused (then {@code items} is empty), and what was left out of them. */
    public record Result(
            List<Item> items, List<QtiItemReader.Unsupported> unsupported, List<QtiItemReader.Warning> warnings) {

        public Result {
            items = List.copyOf(items);
            unsupported = List.copyOf(unsupported);
            warnings = List.copyOf(warnings);
        }

        public boolean imported() {
            return unsupported.isEmpty();
        }
    }

    private final QtiItemReader reader = new QtiItemReader();

    /**
     * Reads the package and every item resource it lists.
     *
     * @throws InvalidPackageException when the package itself cannot be read safely
     */
    public Result importPackage(InputStream zip) {
        var qti = QtiPackage.read(zip);
        var items = new ArrayList<Item>();
        var unsupported = new ArrayList<QtiItemReader.Unsupported>();
        var warnings = new ArrayList<QtiItemReader.Warning>();
        for (var resource : qti.items()) {
            var href = resource.href() != null
                    ? resource.href()
                    : resource.files().stream().findFirst().orElse(null);
            if (href == null) {
                unsupported.add(new QtiItemReader.Unsupported(resource.identifier(), "assessment.qti.missingFile", ""));
                continue;
            }
            switch (reader.read(qti.xml(href))) {
                case QtiItemReader.Imported imported -> {
                    items.add(imported.item());
                    warnings.addAll(imported.warnings());
                }
                case QtiItemReader.Unsupported refused ->
                    unsupported.add(new QtiItemReader.Unsupported(
                            refused.identifier().isBlank() ? resource.identifier() : refused.identifier(),
                            refused.reason(),
                            refused.detail()));
            }
        }
        return unsupported.isEmpty()
                ? new Result(items, List.of(), warnings)
                : new Result(List.of(), unsupported, List.of());
    }
}
