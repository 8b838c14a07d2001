package org.opencrm.platform.api.activity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Core activities recorded by a module on behalf of the platform (e.g. a payment reminder for an account's manager): the
 * activity is the core's own, in the account's (or contact's) activities, on its timeline, in the audit trail and in the
 * owner's list, exactly as one entered on the Activities page. The caller has checked its own permissions and the data
 * scope; the recorder checks only that the type is known (the core's or an {@link ActivityTypeSet}'s) and that the
 * account or contact exists. It joins the caller's transaction: a rolled-back change leaves no activity behind.
 *
 * @since 1.1.0
 */
@ProviderType
public interface ActivityRecorder {
    /**
     * What to record. {@code moduleId}: the module recording it (its timeline types name the entry
     * {@code "ACTIVITY_" + type}); {@code owner}: the user who should act (null: {@code actor}); at least one of
     * {@code accountId} and {@code contactId}.
     */
    record NewActivity(String moduleId, String type, String subject, String description, LocalDate dueDate, String owner, Long accountId,
            Long contactId) {
    }

    /**
     * The subject as a text of the recording module, said in each reader's language (since 1.2): a key of the module's
     * messages and its values, as {@link org.opencrm.platform.api.timeline.TimelineEntry#withTitleKey} takes them (a
     * value {@code "@k"} is the module's text {@code k}); the module's {@link org.opencrm.platform.api.ui.TimelineTypes}
     * says it. {@code NewActivity}'s subject stays the English words: what is searched, and what is shown when the
     * module's texts are gone. A user who types another subject replaces the key with the typed words.
     */
    record Wording(String subjectKey, List<String> subjectArgs) {
        public Wording {
            subjectArgs = subjectArgs == null ? List.of() : List.copyOf(subjectArgs);
        }

        /** A subject said by the module's text {@code key} with {@code args} (each as text; a null as empty). */
        public static Wording subject(String key, Object... args) {
            List<String> texts = new ArrayList<>(args.length);
            for (Object a : args) {
                texts.add(a == null ? "" : String.valueOf(a));
            }
            return new Wording(key, texts);
        }
    }

    /**
     * Records an OPEN activity (DONE when {@code done}) by {@code actor} and returns its id.
     *
     * @throws org.opencrm.platform.api.InvalidInputException naming the field when the type is unknown, a text is
     *         missing or too long, or the account or contact does not exist
     */
    long record(String actor, NewActivity activity, boolean done);

    /**
     * {@link #record(String, NewActivity, boolean)} with the subject also kept as the module's text, said in each
     * reader's language (since 1.2); {@code wording} null is the same as the other method.
     */
    long record(String actor, NewActivity activity, Wording wording, boolean done);
}
