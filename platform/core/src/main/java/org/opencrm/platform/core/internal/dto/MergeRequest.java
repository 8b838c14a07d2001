package org.opencrm.platform.core.internal.dto;

/** Merge {@code sourceId} into {@code targetId}: the target keeps everything related to both. */
public record MergeRequest(Long targetId, Long sourceId) {
}
