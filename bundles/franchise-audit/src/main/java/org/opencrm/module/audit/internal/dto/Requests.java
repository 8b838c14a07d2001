package org.opencrm.module.audit.internal.dto;

/** What clients send to change audits and actions. */
public final class Requests {
    private Requests() {
    }

    /** Start an audit at a store: the template's published version by code (default: the default template), or a version id. */
    public record StartAudit(Long storeId, String templateCode, Long templateId, Boolean announced, Long planStoreId) {
    }

    /** An item's answer: PASS, FAIL or NA (PASS_FAIL items), or a score (SCORE items; NA allowed when the item allows it). */
    public record Answer(String answer, Integer score, String comment) {
    }

    /** The end of the visit: the auditor's comment and the store manager's acknowledgement (name; the time is now). */
    public record Finish(String comment, String acknowledgedBy) {
    }

    /** A follow-up audit of a store on a day. */
    public record FollowUp(Long storeId, java.time.LocalDate dueDate) {
    }

    public record Respond(String response) {
    }

    public record Verify(Boolean accept, String note) {
    }
}
