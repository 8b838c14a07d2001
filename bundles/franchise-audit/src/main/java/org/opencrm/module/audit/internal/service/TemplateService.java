package org.opencrm.module.audit.internal.service;

import static org.opencrm.module.audit.internal.FranchiseAuditNames.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.module.audit.internal.dto.TemplateData;
import org.opencrm.module.audit.internal.dto.TemplateData.ItemData;
import org.opencrm.module.audit.internal.dto.TemplateData.ItemText;
import org.opencrm.module.audit.internal.dto.TemplateData.SectionData;
import org.opencrm.module.audit.internal.model.AuditTemplate;
import org.opencrm.module.audit.internal.model.Enums.AnswerType;
import org.opencrm.module.audit.internal.model.Enums.Severity;
import org.opencrm.module.audit.internal.model.Enums.TemplateStatus;
import org.opencrm.module.audit.internal.model.TemplateItem;
import org.opencrm.module.audit.internal.model.TemplateItemText;
import org.opencrm.platform.api.ConflictException;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.RecordNotFoundException;
import org.opencrm.platform.api.Validation;
import org.opencrm.platform.api.audit.AuditTrail;
import org.opencrm.platform.api.event.CrmEventPublisher;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.api.time.BusinessClock;
import org.opencrm.platform.persistence.Queries;

/**
 * Checklist templates, versioned. A version is a DRAFT while it is edited and PUBLISHED once; a published version and
 * its items never change again (audits refer to it), so a change is a new version (a draft copied from the latest).
 * Starting an audit by code takes the highest published version. Each version's texts (section titles, questions,
 * guidance) are in its own language and, as {@link TemplateItemText}s, in others: a viewer sees them in their language,
 * falling back to the version's own.
 */
public class TemplateService {
    public static final String DEFAULT_CODE = "STD";
    static final Set<String> LANGUAGES = Set.of("zh_CN", "en");

    /** A valid item of a version and its texts in other languages than the version's. */
    record Item(TemplateItem item, List<TemplateItemText> texts) {
    }

    private final JpaTemplate jpa;
    private final AuditTrail audit;
    private final CrmEventPublisher events;
    private final BusinessClock clock;

    public TemplateService(JpaTemplate jpa, AuditTrail audit, CrmEventPublisher events, BusinessClock clock) {
        this.jpa = jpa;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    public List<TemplateData> list(CrmUser user) {
        user.require(READ);
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT t FROM AuditTemplate t ORDER BY t.code, t.templateVersion DESC",
                AuditTemplate.class).getResultList().stream().map(t -> toData(t, List.of())).toList());
    }

    public TemplateData get(CrmUser user, long id) {
        user.require(READ);
        return jpa.txExpr(TransactionType.Supports, em -> {
            AuditTemplate t = em.find(AuditTemplate.class, id);
            if (t == null) {
                throw new RecordNotFoundException(TEMPLATE_TYPE, id);
            }
            return toData(t, items(em, id), texts(em, id));
        });
    }

    /** The language a viewer's locale reads template texts in: zh_CN for Chinese, else en. */
    public static String languageOf(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? "zh_CN" : "en";
    }

    /** The texts of a version's items in its other languages, in item order. */
    static List<TemplateItemText> texts(EntityManager em, long templateId) {
        return em.createQuery("SELECT x FROM TemplateItemText x WHERE x.templateId = :t ORDER BY x.templateItemId, x.language", TemplateItemText.class)
                .setParameter("t", templateId).getResultList();
    }

    /** The highest published version of a code. */
    public AuditTemplate published(EntityManager em, String code) {
        List<AuditTemplate> found = em.createQuery("SELECT t FROM AuditTemplate t WHERE t.code = :c AND t.status = :s ORDER BY t.templateVersion DESC",
                AuditTemplate.class).setParameter("c", code).setParameter("s", TemplateStatus.PUBLISHED).setMaxResults(1).getResultList();
        if (found.isEmpty()) {
            throw new InvalidInputException("templateCode", "no published template " + code, "audit.noTemplate", code);
        }
        return found.get(0);
    }

    static List<TemplateItem> items(EntityManager em, long templateId) {
        return em.createQuery("SELECT i FROM TemplateItem i WHERE i.templateId = :t ORDER BY i.position", TemplateItem.class)
                .setParameter("t", templateId).getResultList();
    }

    /** A new template (version 1, a draft). */
    public TemplateData create(CrmUser user, TemplateData in) {
        user.require(TEMPLATE);
        String code = Validation.required("code", in.code(), 40).toUpperCase(Locale.ROOT);
        String name = Validation.required("name", in.name(), 200);
        String language = language(in.language());
        List<Item> items = validItems(in.sections(), language);
        return jpa.txExpr(TransactionType.Required, em -> {
            if (!em.createQuery("SELECT t.id FROM AuditTemplate t WHERE t.code = :c", Long.class).setParameter("c", code).getResultList().isEmpty()) {
                throw new ConflictException("duplicate", "code", "template " + code + " exists; make a new version of it", "audit.templateExists", code);
            }
            AuditTemplate t = persistVersion(em, code, 1, name, language, TemplateStatus.DRAFT, user.username(), items);
            audit.record(user.username(), TEMPLATE_TYPE, t.id.toString(), "create", Map.of("code", code, "version", 1, "items", items.size()), null);
            return toData(t, items);
        });
    }

    /** Replaces a draft's name, language, sections and items; a published version is refused (409). */
    public TemplateData update(CrmUser user, long id, TemplateData in) {
        user.require(TEMPLATE);
        String name = Validation.required("name", in.name(), 200);
        String language = language(in.language());
        List<Item> items = validItems(in.sections(), language);
        return jpa.txExpr(TransactionType.Required, em -> {
            AuditTemplate t = draft(em, id);
            if (in.lockVersion() != null) {
                Queries.checkVersion(TEMPLATE_TYPE, id, in.lockVersion(), t.lockVersion);
            }
            t.name = name;
            t.language = language;
            em.createQuery("DELETE FROM TemplateItemText x WHERE x.templateId = :t").setParameter("t", id).executeUpdate();
            em.createQuery("DELETE FROM TemplateItem i WHERE i.templateId = :t").setParameter("t", id).executeUpdate();
            persistItems(em, id, items);
            em.lock(t, javax.persistence.LockModeType.OPTIMISTIC_FORCE_INCREMENT); // the items changed: another editor's copy is stale
            audit.record(user.username(), TEMPLATE_TYPE, t.id.toString(), "update", Map.of("name", name, "items", items.size()), null);
            return toData(t, items);
        });
    }

    public TemplateData publish(CrmUser user, long id) {
        user.require(TEMPLATE);
        return jpa.txExpr(TransactionType.Required, em -> {
            AuditTemplate t = draft(em, id);
            List<TemplateItem> items = items(em, id);
            if (items.isEmpty()) {
                throw new InvalidInputException("sections", "a template without items cannot be published", "audit.templateEmpty");
            }
            t.status = TemplateStatus.PUBLISHED;
            t.publishedAt = clock.now();
            t.publishedBy = user.username();
            audit.record(user.username(), TEMPLATE_TYPE, t.id.toString(), "publish", Map.of("code", t.code, "version", t.templateVersion), null);
            events.post(EVENT_TEMPLATE_PUBLISHED, user.username(), "templateId", t.id, "code", t.code, "version", t.templateVersion);
            return toData(t, items, texts(em, id));
        });
    }

    /** A new draft version of a template, copied from the version given (the code's next version number). */
    public TemplateData newVersion(CrmUser user, long fromId) {
        user.require(TEMPLATE);
        return jpa.txExpr(TransactionType.Required, em -> {
            AuditTemplate from = em.find(AuditTemplate.class, fromId);
            if (from == null) {
                throw new RecordNotFoundException(TEMPLATE_TYPE, fromId);
            }
            Integer max = em.createQuery("SELECT MAX(t.templateVersion) FROM AuditTemplate t WHERE t.code = :c", Integer.class)
                    .setParameter("c", from.code).getSingleResult();
            if (!em.createQuery("SELECT t.id FROM AuditTemplate t WHERE t.code = :c AND t.status = :s", Long.class).setParameter("c", from.code)
                    .setParameter("s", TemplateStatus.DRAFT).getResultList().isEmpty()) {
                throw new ConflictException("draft_exists", "code", "template " + from.code + " already has a draft version", "audit.draftExists", from.code);
            }
            Map<Long, List<TemplateItemText>> texts = new java.util.HashMap<>();
            for (TemplateItemText x : texts(em, fromId)) {
                texts.computeIfAbsent(x.templateItemId, k -> new ArrayList<>()).add(copy(x));
            }
            List<Item> copies = new ArrayList<>();
            for (TemplateItem i : items(em, fromId)) {
                copies.add(new Item(copy(i), texts.getOrDefault(i.id, List.of())));
            }
            AuditTemplate t = persistVersion(em, from.code, max + 1, from.name, from.language, TemplateStatus.DRAFT, user.username(), copies);
            audit.record(user.username(), TEMPLATE_TYPE, t.id.toString(), "newVersion", Map.of("code", t.code, "version", t.templateVersion, "from", fromId), null);
            return toData(t, copies);
        });
    }

    /**
     * Installs the default template ("STD", published, in zh_CN with its English texts) when no template exists yet.
     * An installation made before it spoke both languages has "STD" in Chinese only (and "STD-EN" in English): the
     * English texts are added to each STD version whose items are still the default's own Chinese words, so that its
     * audits, old and new, read in English too. Nothing else of those versions changes; a second start adds nothing.
     */
    public void ensureDefaults() {
        jpa.tx(TransactionType.Required, em -> {
            if (em.createQuery("SELECT COUNT(t) FROM AuditTemplate t", Long.class).getSingleResult() > 0) {
                addDefaultEnglishTexts(em);
                return;
            }
            AuditTemplate t = persistVersion(em, DEFAULT_CODE, 1, "门店标准检查表 / Store standard checklist", "zh_CN", TemplateStatus.PUBLISHED, "system",
                    validItems(DefaultTemplates.bilingual(), "zh_CN"));
            audit.record("system", TEMPLATE_TYPE, t.id.toString(), "publish", Map.of("code", DEFAULT_CODE, "version", 1), null);
        });
    }

    private void addDefaultEnglishTexts(EntityManager em) {
        Map<String, ItemData> zh = new java.util.HashMap<>();
        Map<String, SectionData> zhSections = new java.util.HashMap<>();
        for (SectionData s : DefaultTemplates.ZH) {
            s.items().forEach(i -> {
                zh.put(i.code(), i);
                zhSections.put(i.code(), s);
            });
        }
        Map<String, ItemData> en = new java.util.HashMap<>();
        Map<String, String> enTitles = new java.util.HashMap<>();
        for (SectionData s : DefaultTemplates.EN) {
            s.items().forEach(i -> en.put(i.code(), i));
            enTitles.put(s.code(), s.title());
        }
        for (AuditTemplate t : em.createQuery("SELECT t FROM AuditTemplate t WHERE t.code = :c AND t.language = 'zh_CN'", AuditTemplate.class)
                .setParameter("c", DEFAULT_CODE).getResultList()) {
            List<TemplateItem> items = items(em, t.id);
            boolean defaults = !items.isEmpty() && items.stream().allMatch(i -> zh.containsKey(i.code) && zh.get(i.code).question().equals(i.question)
                    && zhSections.get(i.code).title().equals(i.sectionTitle) && zhSections.get(i.code).code().equals(i.sectionCode));
            if (!defaults || !em.createQuery("SELECT x.id FROM TemplateItemText x WHERE x.templateId = :t", Long.class).setParameter("t", t.id)
                    .setMaxResults(1).getResultList().isEmpty()) {
                continue;
            }
            for (TemplateItem i : items) {
                TemplateItemText x = new TemplateItemText();
                x.templateId = t.id;
                x.templateItemId = i.id;
                x.language = "en";
                x.sectionTitle = enTitles.get(i.sectionCode);
                x.question = en.get(i.code).question();
                x.guidance = en.get(i.code).guidance();
                em.persist(x);
            }
            audit.record("system", TEMPLATE_TYPE, t.id.toString(), "addTexts", Map.of("code", t.code, "version", t.templateVersion, "language", "en"), null);
        }
    }

    /** A new version with its items; a PUBLISHED one is published now. */
    private AuditTemplate persistVersion(EntityManager em, String code, int version, String name, String language, TemplateStatus status, String actor,
            List<Item> items) {
        AuditTemplate t = new AuditTemplate();
        t.code = code;
        t.templateVersion = version;
        t.name = name;
        t.language = language;
        t.status = status;
        t.createdAt = clock.now();
        t.createdBy = actor;
        if (status == TemplateStatus.PUBLISHED) {
            t.publishedAt = t.createdAt;
            t.publishedBy = actor;
        }
        em.persist(t);
        em.flush();
        persistItems(em, t.id, items);
        return t;
    }

    private static AuditTemplate draft(EntityManager em, long id) {
        AuditTemplate t = em.find(AuditTemplate.class, id);
        if (t == null) {
            throw new RecordNotFoundException(TEMPLATE_TYPE, id);
        }
        if (t.status != TemplateStatus.DRAFT) {
            throw new ConflictException("published", "status", "template " + t.code + " version " + t.templateVersion
                    + " is published and cannot change; make a new version", "audit.templatePublished", t.code, t.templateVersion);
        }
        return t;
    }

    private static String language(String language) {
        String l = language == null || language.isBlank() ? "zh_CN" : language;
        if (!LANGUAGES.contains(l)) {
            throw new InvalidInputException("language", "language must be zh_CN or en", "audit.language");
        }
        return l;
    }

    /**
     * Sections and items checked: codes unique, weights 1..100, SCORE items with a maximum 1..10; texts in other
     * languages than the version's (zh_CN or en; the version's own language given there is ignored) within the same
     * lengths, a title or question missing in a language falling back to the version's own.
     */
    static List<Item> validItems(List<SectionData> sections, String language) {
        if (sections == null || sections.isEmpty()) {
            throw new InvalidInputException("sections", "a template needs at least one section", "audit.noSections");
        }
        List<Item> items = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        Set<String> sectionCodes = new HashSet<>();
        for (SectionData s : sections) {
            String sectionCode = Validation.required("sections.code", s.code(), 40).toUpperCase(Locale.ROOT);
            if (!sectionCodes.add(sectionCode)) {
                throw new InvalidInputException("sections.code", "section " + sectionCode + " appears twice", "audit.duplicateCode", sectionCode);
            }
            String title = Validation.required("sections.title", s.title(), 200);
            Map<String, String> titles = otherLanguages(s.titles(), language, "sections.titles");
            for (ItemData d : s.items() == null ? List.<ItemData>of() : s.items()) {
                TemplateItem i = new TemplateItem();
                i.sectionCode = sectionCode;
                i.sectionTitle = title;
                i.code = Validation.required("items.code", d.code(), 40).toUpperCase(Locale.ROOT);
                if (!codes.add(i.code)) {
                    throw new InvalidInputException("items.code", "item " + i.code + " appears twice", "audit.duplicateCode", i.code);
                }
                i.question = Validation.required("items.question", d.question(), 500);
                i.guidance = Validation.optional("items.guidance", d.guidance(), 1000);
                int weight = d.weight() == null ? 1 : d.weight();
                if (weight < 1 || weight > 100) {
                    throw new InvalidInputException("items.weight", "weight of " + i.code + " must be 1 to 100", "audit.weight", i.code);
                }
                i.weight = weight;
                i.answerType = d.answerType() == null ? AnswerType.PASS_FAIL : parse(AnswerType.class, "items.answerType", d.answerType());
                if (i.answerType == AnswerType.SCORE) {
                    int max = d.maxScore() == null ? 5 : d.maxScore();
                    if (max < 1 || max > 10) {
                        throw new InvalidInputException("items.maxScore", "the highest score of " + i.code + " must be 1 to 10", "audit.maxScore", i.code);
                    }
                    i.maxScore = max;
                } else {
                    i.maxScore = 1;
                }
                i.naAllowed = Boolean.TRUE.equals(d.naAllowed());
                i.critical = Boolean.TRUE.equals(d.critical());
                i.photoRequiredOnFail = Boolean.TRUE.equals(d.photoRequiredOnFail());
                i.severity = d.severity() == null ? Severity.MEDIUM : parse(Severity.class, "items.severity", d.severity());
                if (i.severity == Severity.CRITICAL) {
                    i.critical = true;
                }
                Map<String, ItemText> texts = otherLanguages(d.texts(), language, "items.texts");
                List<TemplateItemText> translated = new ArrayList<>();
                for (String l : new java.util.TreeSet<>(java.util.stream.Stream.concat(titles.keySet().stream(), texts.keySet().stream()).toList())) {
                    ItemText text = texts.get(l);
                    TemplateItemText x = new TemplateItemText();
                    x.language = l;
                    x.sectionTitle = titles.getOrDefault(l, title);
                    x.question = text == null || text.question() == null || text.question().isBlank() ? i.question
                            : Validation.required("items.texts.question", text.question(), 500);
                    x.guidance = text == null ? null : Validation.optional("items.texts.guidance", text.guidance(), 1000);
                    translated.add(x);
                }
                items.add(new Item(i, translated));
            }
        }
        if (items.isEmpty()) {
            throw new InvalidInputException("sections", "a template needs at least one item", "audit.templateEmpty");
        }
        return items;
    }

    /** The entries of a per-language map other than the version's own language, each language checked. */
    private static <V> Map<String, V> otherLanguages(Map<String, V> byLanguage, String language, String field) {
        Map<String, V> out = new LinkedHashMap<>();
        if (byLanguage != null) {
            byLanguage.forEach((l, v) -> {
                if (!LANGUAGES.contains(l)) {
                    throw new InvalidInputException(field, "language must be zh_CN or en", "audit.language");
                }
                if (!l.equals(language) && v != null) {
                    out.put(l, v instanceof String text ? (V) Validation.required(field, text, 200) : v);
                }
            });
        }
        return out;
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "'" + value + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()),
                    "audit.notOneOf", value);
        }
    }

    private static void persistItems(EntityManager em, long templateId, List<Item> items) {
        int position = 0;
        for (Item it : items) {
            TemplateItem i = it.item();
            i.id = null;
            i.templateId = templateId;
            i.position = position++;
            em.persist(i);
            for (TemplateItemText x : it.texts()) {
                x.id = null;
                x.templateId = templateId;
                x.templateItemId = i.id;
                em.persist(x);
            }
        }
    }

    private static TemplateItemText copy(TemplateItemText from) {
        TemplateItemText x = new TemplateItemText();
        x.language = from.language;
        x.sectionTitle = from.sectionTitle;
        x.question = from.question;
        x.guidance = from.guidance;
        return x;
    }

    private static TemplateItem copy(TemplateItem from) {
        TemplateItem i = new TemplateItem();
        i.sectionCode = from.sectionCode;
        i.sectionTitle = from.sectionTitle;
        i.code = from.code;
        i.question = from.question;
        i.guidance = from.guidance;
        i.weight = from.weight;
        i.answerType = from.answerType;
        i.maxScore = from.maxScore;
        i.naAllowed = from.naAllowed;
        i.critical = from.critical;
        i.photoRequiredOnFail = from.photoRequiredOnFail;
        i.severity = from.severity;
        return i;
    }

    private static TemplateData toData(AuditTemplate t, List<Item> items) {
        return toData(t, items.stream().map(Item::item).toList(), items.stream().flatMap(i -> i.texts().stream()).toList());
    }

    static TemplateData toData(AuditTemplate t, List<TemplateItem> items, List<TemplateItemText> texts) {
        Map<String, List<TemplateItem>> bySection = new LinkedHashMap<>();
        Map<String, String> titles = new LinkedHashMap<>();
        Map<Long, Map<String, ItemText>> itemTexts = new java.util.HashMap<>();
        Map<String, Map<String, String>> sectionTitles = new LinkedHashMap<>();
        Map<Long, String> sectionOf = new java.util.HashMap<>();
        for (TemplateItem i : items) {
            bySection.computeIfAbsent(i.sectionCode, s -> new ArrayList<>()).add(i);
            titles.putIfAbsent(i.sectionCode, i.sectionTitle);
            sectionOf.put(i.id, i.sectionCode);
        }
        for (TemplateItemText x : texts) {
            itemTexts.computeIfAbsent(x.templateItemId, k -> new java.util.TreeMap<>()).put(x.language, new ItemText(x.question, x.guidance));
            if (sectionOf.containsKey(x.templateItemId)) {
                sectionTitles.computeIfAbsent(sectionOf.get(x.templateItemId), k -> new java.util.TreeMap<>()).putIfAbsent(x.language, x.sectionTitle);
            }
        }
        List<SectionData> sections = new ArrayList<>();
        bySection.forEach((code, list) -> sections.add(new SectionData(code, titles.get(code), list.stream()
                .map(i -> new ItemData(i.id, i.code, i.question, i.weight, i.answerType.name(), i.maxScore, i.naAllowed, i.critical,
                        i.photoRequiredOnFail, i.severity.name(), i.guidance, itemTexts.getOrDefault(i.id, Map.of())))
                .toList(), sectionTitles.getOrDefault(code, Map.of()))));
        return new TemplateData(t.id, t.code, t.templateVersion, t.name, t.language, t.status.name(), t.publishedAt, t.lockVersion, sections);
    }
}
