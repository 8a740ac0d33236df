package org.sapere.assessment.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sapere.assessment.bank.ItemBank;
import org.sapere.assessment.domain.Item;
import org.sapere.assessment.domain.ItemType;
import org.sapere.assessment.qti.InvalidPackageException;
import org.sapere.assessment.qti.QtiBankImport;
import org.sapere.assessment.qti.QtiPackageWriter;
import org.sapere.course.CourseAuthoring;
import org.sapere.course.CourseId;
import org.sapere.identity.SignedInUser;
import org.sapere.shared.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A course's question bank for its staff: the items in use (filtered by tag), writing and editing items of every
 * type (an edit saves a new version), retiring them, and exchanging them as IMS QTI packages. Every address checks
 * that the person may edit the course.
 */
@Controller
class BankController {

    /** The largest QTI package accepted, in bytes. */
    static final long MAX_PACKAGE = 50L << 20;

    private final CourseAuthoring courses;
    private final ItemBank bank;
    private final TransactionTemplate transactions;

    BankController(CourseAuthoring courses, ItemBank bank, TransactionTemplate transactions) {
        this.courses = courses;
        this.bank = bank;
        this.transactions = transactions;
    }

    @GetMapping("/teach/courses/{id}/bank")
    ModelAndView bank(
            @PathVariable("id") UUID course,
            @RequestParam(required = false) @Nullable String tag,
            @AuthenticationPrincipal SignedInUser user) {
        var draft = courses.draftCourse(new CourseId(course), user.accountId());
        return new ModelAndView("assessment/bank")
                .addObject("draft", draft)
                .addObject("items", bank.list(course, tag))
                .addObject("tags", bank.tags(course))
                .addObject("tag", tag == null ? "" : tag)
                .addObject("types", List.of(ItemType.values()))
                .addObject("report", null);
    }

    @GetMapping("/teach/courses/{id}/bank/new")
    ModelAndView newItem(
            @PathVariable("id") UUID course,
            @RequestParam(defaultValue = "single-choice") String type,
            @AuthenticationPrincipal SignedInUser user) {
        var draft = courses.draftCourse(new CourseId(course), user.accountId());
        var itemType = type(type);
        var fields = new LinkedHashMap<String, String>();
        fields.put("points", "1");
        return editor(draft, itemType, null, fields, List.of(), null);
    }

    @PostMapping("/teach/courses/{id}/bank/new")
    ModelAndView create(
            @PathVariable("id") UUID course,
            @RequestParam(defaultValue = "single-choice") List<String> type,
            @RequestParam Map<String, String> form,
            @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes flash) {
        var draft = courses.draftCourse(new CourseId(course), user.accountId());
        // The type is both in the address and in the form: the first one counts.
        var itemType = type(type.getFirst());
        var fields = fields(form);
        var parsed = ItemForm.parse(itemType.slug(), fields, ItemForm.ItemInfoBase.newItem(draft.language()));
        return switch (parsed) {
            case ItemForm.Valid valid -> {
                bank.save(course, valid.item(), user.accountId().value());
                flash.addFlashAttribute("notice", "assessment.bank.saved");
                yield new ModelAndView("redirect:/teach/courses/" + course + "/bank/items/"
                        + valid.item().info().id());
            }
            case ItemForm.Invalid invalid -> editor(draft, itemType, null, invalid.fields(), invalid.errors(), null);
        };
    }

    @GetMapping("/teach/courses/{id}/bank/items/{itemId}")
    ModelAndView item(
            @PathVariable("id") UUID course,
            @PathVariable("itemId") UUID itemId,
            @AuthenticationPrincipal SignedInUser user) {
        var draft = courses.draftCourse(new CourseId(course), user.accountId());
        var item = bank.current(course, itemId).orElseThrow(() -> new NotFoundException("item " + itemId));
        return editor(draft, ItemType.of(item), item, ItemForm.fieldsOf(item, draft.language()), List.of(), null);
    }

    @PostMapping("/teach/courses/{id}/bank/items/{itemId}")
    ModelAndView update(
            @PathVariable("id") UUID course,
            @PathVariable("itemId") UUID itemId,
            @RequestParam(defaultValue = "0") int version,
            @RequestParam Map<String, String> form,
            @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes flash) {
        var draft = courses.draftCourse(new CourseId(course), user.accountId());
        var current = bank.current(course, itemId).orElseThrow(() -> new NotFoundException("item " + itemId));
        var type = ItemType.of(current);
        var fields = fields(form);
        if (version != current.info().version()) {
            return editor(draft, type, current, fields, List.of(), "assessment.bank.stale");
        }
        var parsed =
                ItemForm.parse(type.slug(), fields, ItemForm.ItemInfoBase.nextVersionOf(current, draft.language()));
        return switch (parsed) {
            case ItemForm.Valid valid -> {
                try {
                    bank.save(course, valid.item(), user.accountId().value());
                } catch (ItemBank.StaleVersionException e) {
                    yield editor(draft, type, current, fields, List.of(), "assessment.bank.stale");
                }
                flash.addFlashAttribute("notice", "assessment.bank.saved");
                yield new ModelAndView("redirect:/teach/courses/" + course + "/bank/items/" + itemId);
            }
            case ItemForm.Invalid invalid -> editor(draft, type, current, invalid.fields(), invalid.errors(), null);
        };
    }

    @PostMapping("/teach/courses/{id}/bank/items/{itemId}/retire")
    String retire(
            @PathVariable("id") UUID course,
            @PathVariable("itemId") UUID itemId,
            @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes flash) {
        courses.draftCourse(new CourseId(course), user.accountId());
        bank.current(course, itemId).orElseThrow(() -> new NotFoundException("item " + itemId));
        bank.retire(course, itemId, user.accountId().value());
        flash.addFlashAttribute("notice", "assessment.bank.retired");
        return "redirect:/teach/courses/" + course + "/bank";
    }

    @PostMapping("/teach/courses/{id}/bank/import")
    ModelAndView importPackage(
            @PathVariable("id") UUID course,
            @RequestParam(required = false) @Nullable MultipartFile file,
            @AuthenticationPrincipal SignedInUser user,
            Locale locale)
            throws IOException {
        var draft = courses.draftCourse(new CourseId(course), user.accountId());
        ImportReport report;
        if (file == null || file.isEmpty()) {
            report = ImportReport.refused("assessment.import.noFile", "");
        } else if (file.getSize() > MAX_PACKAGE) {
            report = ImportReport.refused("assessment.import.tooLarge", MAX_PACKAGE >> 20);
        } else {
            try (var in = file.getInputStream()) {
                var result = new QtiBankImport().importPackage(in);
                if (!result.imported()) {
                    report = new ImportReport(0, result.unsupported(), result.warnings(), null, null);
                } else if (result.items().isEmpty()) {
                    report = ImportReport.refused("assessment.import.empty", "");
                } else {
                    transactions.executeWithoutResult(status -> {
                        for (var item : result.items()) {
                            save(course, item, user);
                        }
                    });
                    report = new ImportReport(result.items().size(), List.of(), result.warnings(), null, null);
                }
            } catch (InvalidPackageException e) {
                report = ImportReport.refused(e.messageKey(), e.argument());
            }
        }
        return new ModelAndView("assessment/bank")
                .addObject("draft", draft)
                .addObject("items", bank.list(course, null))
                .addObject("tags", bank.tags(course))
                .addObject("tag", "")
                .addObject("types", List.of(ItemType.values()))
                .addObject("report", report);
    }

    /** An imported item becomes a new item of this course, or the next version of one it already has. */
    private void save(UUID course, Item item, SignedInUser user) {
        var id = item.info().id();
        var existing = bank.current(course, id);
        Item toSave;
        if (existing.isPresent()) {
            toSave = item.withInfo(item.info().as(id, existing.get().info().version() + 1));
        } else if (bank.courseOf(id).isPresent()) {
            // Another course's item (its export imported here): a copy of its own.
            toSave = item.withInfo(item.info().as(UUID.randomUUID(), 1));
        } else {
            toSave = item.withInfo(item.info().as(id, 1));
        }
        bank.save(course, toSave, user.accountId().value());
    }

    @GetMapping("/teach/courses/{id}/bank/export")
    ResponseEntity<byte[]> export(@PathVariable("id") UUID course, @AuthenticationPrincipal SignedInUser user) {
        var draft = courses.draftCourse(new CourseId(course), user.accountId());
        var items = bank.list(course, null).stream()
                .map(e -> bank.item(e.id(), e.version()).orElseThrow())
                .toList();
        var zip = new QtiPackageWriter().write(items, draft.language());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(draft.slug() + "-questions-qti.zip")
                                .build()
                                .toString())
                .body(zip);
    }

    private ModelAndView editor(
            CourseAuthoring.DraftCourse draft,
            ItemType type,
            @Nullable Item current,
            Map<String, String> fields,
            List<ItemForm.FieldError> errors,
            @Nullable String problem) {
        var preview = current == null ? null : AskedItem.of(current, 1, 0, Locale.forLanguageTag(draft.language()));
        return new ModelAndView("assessment/item")
                .addObject("draft", draft)
                .addObject("type", type)
                .addObject("item", current)
                .addObject("fields", fields)
                .addObject("errors", errors)
                .addObject("problem", problem)
                .addObject("preview", preview);
    }

    private static ItemType type(String slug) {
        var type = ItemType.bySlug(slug);
        if (type == null) {
            throw new NotFoundException("item type " + slug);
        }
        return type;
    }

    /** The form's fields without the token and the version. */
    private static Map<String, String> fields(Map<String, String> form) {
        var fields = new LinkedHashMap<>(form);
        fields.remove("_csrf");
        fields.remove("version");
        fields.remove("type");
        return fields;
    }
}
