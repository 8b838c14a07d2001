package org.opencrm.module.audit.internal.dto;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A template version on the wire: its sections in order, each with its items in order. The titles, questions and
 * guidance are in the version's own {@code language} (the fallback); {@code titles} and {@code texts} hold them in other
 * languages (zh_CN, en), and a viewer whose language has none of them sees the version's own.
 */
public record TemplateData(Long id, String code, Integer version, String name, String language, String status, Instant publishedAt,
        Long lockVersion, List<SectionData> sections) {

    /** A section; {@code titles}: its title in other languages than the version's (may be null or empty). */
    public record SectionData(String code, String title, List<ItemData> items, Map<String, String> titles) {
    }

    /**
     * One question. answerType PASS_FAIL or SCORE (0..maxScore); severity LOW, MEDIUM or HIGH sets the corrective
     * action's due date (a critical item's action is due soonest); guidance (optional) says how to judge it;
     * {@code texts}: the question and guidance in other languages than the version's (may be null or empty).
     */
    public record ItemData(Long id, String code, String question, Integer weight, String answerType, Integer maxScore, Boolean naAllowed,
            Boolean critical, Boolean photoRequiredOnFail, String severity, String guidance, Map<String, ItemText> texts) {
    }

    /** An item's question and guidance in one language. */
    public record ItemText(String question, String guidance) {
    }
}
