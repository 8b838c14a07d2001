package org.opencrm.platform.api;

/** Query text plus offset/limit, clamped so a client cannot ask for an unbounded page. */
public record PageRequest(String query, int offset, int limit) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public PageRequest {
        if (offset < 0) {
            throw new InvalidInputException("offset", "offset must be 0 or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        query = query == null || query.isBlank() ? null : query.trim();
    }

    public static PageRequest of(String query, Integer offset, Integer limit) {
        return new PageRequest(query, offset == null ? 0 : offset, limit == null ? DEFAULT_LIMIT : limit);
    }
}
