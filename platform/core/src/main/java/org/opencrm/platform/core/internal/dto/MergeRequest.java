package org.opencrm.platform.core.internal.dto;

import org.opencrm.platform.rest.ApiSchema;

/** Merge {@code sourceId} into {@code targetId}: the target keeps everything related to both. */
@ApiSchema(required = { "targetId", "sourceId" })
public record MergeRequest(Long targetId, Long sourceId) {
}
