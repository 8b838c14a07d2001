package org.opencrm.module.audit.internal.model;

/** The small vocabularies of the module (stored by name). */
public final class Enums {
    private Enums() {
    }

    public enum TemplateStatus { DRAFT, PUBLISHED }

    public enum AnswerType { PASS_FAIL, SCORE }

    public enum Answer { PASS, FAIL, NA }

    public enum Severity { LOW, MEDIUM, HIGH, CRITICAL }

    public enum AuditStatus { IN_PROGRESS, SUBMITTED }

    public enum ActionStatus { OPEN, RESPONDED, CLOSED }
}
