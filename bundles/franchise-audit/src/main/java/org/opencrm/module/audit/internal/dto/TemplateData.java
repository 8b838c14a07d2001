package org.opencrm.module.audit.internal.dto;

import java.time.Instant;
import java.util.List;

/** A template version on the wire: its sections in order, each with its items in order. */
public record TemplateData(Long id, String code, Integer version, String name, String language, String status, Instant publishedAt,
        Long lockVersion, List<SectionData> sections) {

    public record SectionData(String code, String title, List<ItemData> items) {
    }

    /**
     * One question. answerType PASS_FAIL or SCORE (0..maxScore); severity LOW, MEDIUM or HIGH sets the corrective
     * action's due date (a critical item's action is due soonest).
     */
    public record ItemData(Long id, String code, String question, Integer weight, String answerType, Integer maxScore, Boolean naAllowed,
            Boolean critical, Boolean photoRequiredOnFail, String severity) {
    }
}
