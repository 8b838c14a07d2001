package org.opencrm.module.channel.internal.dto;

import java.util.List;

/** A sell-in order to submit; overrideReason lets it through the credit check (channel.credit.override). */
public record OrderInput(Long accountId, List<LineInput> lines, String note, String overrideReason) {
}
