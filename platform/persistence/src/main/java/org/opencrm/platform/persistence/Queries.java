package org.opencrm.platform.persistence;

import java.util.Locale;

import javax.persistence.TypedQuery;

import org.opencrm.platform.api.ConflictException;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.PageRequest;

/** Query helpers so every module pages, searches and checks versions the same way. */
public final class Queries {
    private Queries() {
    }

    /**
     * A LIKE pattern matching values that start with {@code text}, wildcards in the text escaped. Use with
     * {@code ESCAPE '\'}. Prefix patterns use an index; "contains" patterns scan the table and do not scale to
     * a million rows, which is why searches here are prefix searches on normalised columns.
     */
    public static String prefixPattern(String text) {
        return escapeLike(text.toLowerCase(Locale.ROOT)) + "%";
    }

    public static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Runs a page query and its count query. */
    public static <T> Page<T> page(TypedQuery<T> items, TypedQuery<Long> count, PageRequest page) {
        items.setFirstResult(page.offset());
        items.setMaxResults(page.limit());
        return new Page<>(items.getResultList(), count.getSingleResult());
    }

    /**
     * Optimistic locking for updates that arrive over REST or from a form: the client sends the version it
     * read; a different current version means someone else changed the record in between.
     */
    public static void checkVersion(String recordType, Object id, Long expected, long current) {
        if (expected == null) {
            throw new org.opencrm.platform.api.InvalidInputException("version",
                    "version is required when updating a " + recordType + " (send the version you read)");
        }
        if (expected != current) {
            throw ConflictException.staleVersion(recordType, id);
        }
    }
}
