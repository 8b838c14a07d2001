package org.opencrm.module.channel.internal.dto;


/** A reason (cancel, approve with a credit override). */
public record ReasonInput(String reason) {
}
